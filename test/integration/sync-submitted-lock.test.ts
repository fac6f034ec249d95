// A submitted inspection is a signed record: through POST /sync/push its hazards change only by
// amendment. What the server takes once an inspection is submitted, and what it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRectification } from '../../domain/rules/rectification';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { completeDraft } from '../support/inspection-fixtures';
import { enterpriseFor, newFinding, push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';
import { mustBeStored } from '../support/stored-state';

const at = '2026-11-29T02:00:00.000Z';

describe.each(databaseKinds)('hazards of a submitted inspection on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let inspection: Inspection;
  let hazard: Finding;

  const stored = <T>(entity: 'finding' | 'inspection', id: string) =>
    mustBeStored<T>(t.db, entity, id);

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    // Made offline and submitted before the sync: the submission is queued after the hazards.
    inspection = await completeDraft(t, li, [wang.userId], enterpriseFor(t.district, li.username));
    hazard = newFinding(inspection);
    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', hazard),
      upsert('inspection', { ...inspection, status: 'submitted', finishedAt: at }, 0),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });
  afterAll(() => t.close());

  it('refuses a change of a hazard, or a new hazard, that no amendment records', async () => {
    const { version } = await stored<Finding>('finding', hazard.id);
    const changed = { ...hazard, title: '改过的标题', version };
    const added = newFinding(inspection);
    const res = await push(t.app, li, [
      upsert('finding', changed, version),
      upsert('finding', added),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(res.results[0]?.error).toMatch(/submitted.*amendment/);
    expect((await stored<Finding>('finding', hazard.id)).data.title).toBe(hazard.title);
    const [row] = await t.db.query(`SELECT 1 FROM records WHERE id = $1::uuid`, [added.id]);
    expect(row).toBeUndefined();
  });

  it('takes a change that comes after an amendment of that hazard, in the same push', async () => {
    const current = await stored<Inspection>('inspection', inspection.id);
    const { version } = await stored<Finding>('finding', hazard.id);
    const amendment = {
      at,
      by: li.userId,
      reason: '标题写错了',
      findingId: hazard.id,
      findingTitle: '储罐区可燃气体报警器失效',
    };
    const res = await push(t.app, li, [
      upsert(
        'inspection',
        { ...current.data, amendments: [...current.data.amendments, amendment] },
        current.version,
      ),
      upsert(
        'finding',
        { ...hazard, title: amendment.findingTitle, amendedAt: at, version },
        version,
      ),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await stored<Finding>('finding', hazard.id)).data.title).toBe(amendment.findingTitle);
  });

  it('refuses a later change that names no amendment of its own, or one of another hazard', async () => {
    const current = await stored<Inspection>('inspection', inspection.id);
    const { version, data } = await stored<Finding>('finding', hazard.id);
    expect(data.amendedAt).toBe(at);
    // An amendment of another hazard of the same inspection.
    const other = newFinding(inspection);
    const otherAt = '2026-11-29T03:00:00.000Z';
    const added = await push(t.app, li, [
      upsert(
        'inspection',
        {
          ...current.data,
          amendments: [
            ...current.data.amendments,
            { at: otherAt, by: li.userId, reason: '漏记一处隐患', findingId: other.id },
          ],
        },
        current.version,
      ),
      upsert('finding', { ...other, amendedAt: otherAt }),
    ]);
    expect(added.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    const res = await push(t.app, li, [
      // The amendment this hazard's last change named, again.
      upsert('finding', { ...data, description: '再次改动', version }, version),
      // Another hazard's amendment.
      upsert('finding', { ...data, description: '再次改动', amendedAt: otherAt, version }, version),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(res.results[0]?.reason?.code).toBe('submittedLocked');
    expect((await stored<Finding>('finding', hazard.id)).data.description).toBe(data.description);
  });

  it("still takes the hazard's rectification, which is not a change of what was found", async () => {
    const { version, data } = await stored<Finding>('finding', hazard.id);
    const reported = reportRectification(
      data,
      { reportedOn: '2026-11-28', note: '已整改' },
      { userId: li.userId, at, today: '2026-11-29' },
    );
    const res = await push(t.app, li, [upsert('finding', reported, version)]);
    expect(res.results[0]?.status).toBe('applied');
    expect((await stored<Finding>('finding', hazard.id)).data.status).toBe('rectified');
  });
});
