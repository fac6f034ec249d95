// What a push keeps of its answers and its records: a device's latest answers for repeating (older
// ones forgotten), and the history of a record created in the batch, copied as it was stored.
import { describe, expect, it } from 'vitest';
import { RESULTS_KEPT } from '../../server/src/sync/push-results';
import type { DemoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  newFinding,
  newInspectionOf,
  numbered,
  push,
  rawPush,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('push answers and history on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', undefined, (app, device) => {
    t = app;
    li = device;
  });

  it('stores a created record whole in its history, and an in-batch change as its fields', async () => {
    const inspection = newInspectionOf(t.district, li);
    const finding = newFinding(inspection);
    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', finding),
      upsert('finding', { ...finding, title: '改过的标题' }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const rows = await t.db.query<{
      entity: string;
      version: number;
      before: unknown;
      after: Record<string, unknown>;
      data: Record<string, unknown>;
    }>(
      `SELECT h.entity, h.version, h.before, h.after, r.data FROM history h
       JOIN records r ON r.entity = h.entity AND r.id = h.id
       WHERE h.id IN ($1::uuid, $2::uuid) ORDER BY h.seq`,
      [inspection.id, finding.id],
    );
    const [made, created, changed] = rows;
    // Created by its only change: the history holds the record as stored, version included.
    expect(made?.entity).toBe('inspection');
    expect(made?.before).toBeNull();
    expect(made?.after).toEqual(made?.data);
    expect(made?.after.version).toBe(made?.version);
    // Created, then changed in the same batch: each change as it was made.
    expect(created?.before).toBeNull();
    expect(created?.after).toMatchObject({ id: finding.id, title: finding.title });
    expect(changed?.before).toEqual({ title: finding.title });
    expect(changed?.after).toEqual({ title: '改过的标题' });
    expect(changed?.data.title).toBe('改过的标题');
  });

  it(`keeps a device's latest ${RESULTS_KEPT} answers and answers older mids as plain duplicates`, async () => {
    // As if the device had pushed almost two rounds of answers already.
    const last = 2 * RESULTS_KEPT - 1;
    await t.db.query(
      `INSERT INTO mutation_results (device_id, mid, result)
       SELECT $1::uuid, m, jsonb_build_object('mid', m, 'status', 'applied', 'version', 1)
       FROM generate_series($2::bigint, $3::bigint) AS m`,
      [li.deviceId, li.nextMid, last],
    );
    await t.db.query('UPDATE devices SET last_mid = $2 WHERE device_id = $1::uuid', [
      li.deviceId,
      last,
    ]);
    li.nextMid = last + 1;

    const inspection = newInspectionOf(t.district, li);
    const res = await push(t.app, li, [upsert('inspection', inspection)]);
    expect(res.results.map((r) => [r.mid, r.status])).toEqual([[last + 1, 'applied']]);
    const kept = await t.db.query<{ n: number; first: number; latest: number }>(
      `SELECT count(*)::int AS n, min(mid)::int AS first, max(mid)::int AS latest
       FROM mutation_results WHERE device_id = $1::uuid`,
      [li.deviceId],
    );
    expect(kept[0]).toEqual({ n: RESULTS_KEPT, first: RESULTS_KEPT + 1, latest: last + 1 });

    // The latest answer is repeated as it was; a forgotten one is still a duplicate.
    const again = await rawPush(t.app, li, res.mutations);
    expect(again.json()).toMatchObject({
      results: [{ mid: last + 1, status: 'duplicate', version: res.results[0]?.version }],
    });
    const old = numbered(li, [{ ...upsert('inspection', inspection), mid: RESULTS_KEPT }]);
    const forgotten = await rawPush(t.app, li, old);
    expect(forgotten.json()).toEqual({
      results: [{ mid: RESULTS_KEPT, status: 'duplicate' }],
      lastMid: last + 1,
    });
  });
});
