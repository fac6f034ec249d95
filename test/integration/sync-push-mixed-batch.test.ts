import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  enterpriseFor,
  newFinding,
  push,
  pushNewFinding,
  signIn,
  upsert,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

// One batch that mixes every kind of outcome: the set-based write path (one statement per table
// per batch) must give each mutation the answer, the stored fields, the per-field versions and
// the history it would get on its own.
describe.each(databaseKinds)('a mixed push batch on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let other: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    other = await signIn(t.app, t.district, 'inspector.li');
  });
  afterAll(() => t.close());

  const stored = async (id: string) => {
    const [row] = await t.db.query<{
      version: number;
      data: Record<string, unknown>;
      field_versions: Record<string, number>;
      field_devices: Record<string, string | null>;
      created_version: number | null;
      created_device: string | null;
    }>(
      `SELECT version, data, field_versions, field_devices, created_version,
         created_device::text AS created_device FROM records WHERE id = $1::uuid`,
      [id],
    );
    return row;
  };
  const history = (id: string) =>
    t.db.query<{ version: number; mid: number; before: unknown; after: Record<string, unknown> }>(
      'SELECT version, mid, before, after FROM history WHERE id = $1::uuid ORDER BY version, seq',
      [id],
    );

  it('answers applied, applied again, conflict, rejected and forbidden rows each as alone', async () => {
    const {
      inspection,
      finding: contested,
      findingVersion: base,
    } = await pushNewFinding(t.app, t.district, li, { title: '原标题', requirement: '原要求' });
    // Another device of the same inspector changes the title after `base`.
    const elsewhere = await push(t.app, other, [
      upsert('finding', { ...contested, version: base, title: '另一台设备的标题' }),
    ]);
    expect(elsewhere.results[0]?.status).toBe('applied');

    const fresh = newFinding(inspection, { title: '新隐患' });
    const outside = enterpriseFor(t.district, 'inspector.li', false);
    const batch = await push(t.app, li, [
      upsert('finding', fresh),
      // The same new record again in the same batch: a second change on top of the first.
      upsert('finding', { ...fresh, title: '新隐患（补充）' }, 0),
      // From the old base: the title collides, the requirement merges.
      upsert('finding', { ...contested, version: base, title: '本机标题', requirement: '新要求' }),
      upsert('finding', { ...newFinding(inspection), grade: 'catastrophic' as never }),
      upsert('enterprise', { ...t.district.enterprises[0]!, id: outside, name: '改名' }),
    ]);
    const [first, second, conflict, invalid, forbidden] = batch.results;
    expect(first).toMatchObject({ status: 'applied' });
    expect(second).toMatchObject({ status: 'applied' });
    expect(second?.version).toBe(first?.version);
    expect(conflict).toMatchObject({ status: 'conflict' });
    expect(conflict?.version).toBeGreaterThan(first?.version ?? 0);
    expect(invalid).toMatchObject({ status: 'rejected', error: expect.stringMatching(/grade/) });
    expect(forbidden).toMatchObject({
      status: 'rejected',
      error: expect.stringMatching(/administrator/),
    });
    expect(batch.lastMid).toBe(batch.mutations.at(-1)?.mid);

    // The new record: its last state, every field changed at its one version, by this device
    // (said once, as a record unchanged since its creation does).
    const made = await stored(fresh.id);
    expect(made?.version).toBe(first?.version);
    expect(made?.data).toMatchObject({ title: '新隐患（补充）', version: first?.version });
    expect(made).toMatchObject({
      created_version: first?.version,
      created_device: li.deviceId,
      field_versions: {},
      field_devices: {},
    });
    const madeHistory = await history(fresh.id);
    expect(madeHistory.map((h) => [h.mid, h.before])).toEqual([
      [batch.mutations[0]?.mid, null],
      [batch.mutations[1]?.mid, { title: '新隐患' }],
    ]);

    // The contested record: the title and requirement moved, the rest kept its versions.
    const merged = await stored(contested.id);
    expect(merged?.data).toMatchObject({ title: '本机标题', requirement: '新要求' });
    expect(merged?.field_versions.title).toBe(conflict?.version);
    expect(merged?.field_versions.requirement).toBe(conflict?.version);
    expect(merged?.field_versions.description).toBe(base);
    expect(merged?.field_devices.title).toBe(li.deviceId);
    expect(merged).toMatchObject({ created_version: null, created_device: null });
    const last = (await history(contested.id)).at(-1);
    expect(last).toMatchObject({
      version: conflict?.version,
      before: { title: '另一台设备的标题', requirement: '原要求' },
      after: { title: '本机标题', requirement: '新要求' },
    });
    const [logged] = await t.db.query<{
      field: string;
      kept_value: unknown;
      losing_value: unknown;
    }>('SELECT field, kept_value, losing_value FROM conflicts WHERE record_id = $1::uuid', [
      contested.id,
    ]);
    expect(logged).toEqual({
      field: 'title',
      kept_value: '本机标题',
      losing_value: '另一台设备的标题',
    });

    // Sent again, the batch is answered from the stored results and changes nothing.
    const again = await push(
      t.app,
      { ...li, nextMid: batch.mutations[0]?.mid ?? 1 },
      batch.mutations.map(({ mid: _mid, ...m }) => m),
    );
    expect(again.results.map((r) => [r.status, r.version, r.error])).toEqual(
      batch.results.map((r) => ['duplicate', r.version, r.error]),
    );
    expect((await history(fresh.id)).length).toBe(2);
  });
});
