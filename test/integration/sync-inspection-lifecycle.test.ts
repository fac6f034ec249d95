// An inspection's life as the server enforces it through POST /sync/push, for every role: once
// submitted it stays submitted and is never deleted; only its lead deletes a draft, hazards go
// only with a draft; a submitted inspection changes only with new amendments of the caller's
// that name exactly what changes, stamped by the server; a hazard's change names an amendment
// of its own; an amendment of an approved inspection sends it back to review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendInspection } from '../../domain/rules/amendment';
import type { Finding } from '../../domain/schemas/finding';
import type { Amendment, Inspection } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import {
  FINISHED_AT,
  completeDraft,
  decided,
  expectRefused,
  snapshot,
  storedInspection,
  submittedInspection,
} from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { newFinding, push, remove, signIn, upsert } from '../support/push-fixtures';
import { addUser } from '../support/extra-users';
import { databaseKinds } from '../support/test-databases';
import { mustBeStored } from '../support/stored-state';

/** The inspection amended as the app amends it (domain amendInspection). */
function amend(
  current: Inspection,
  change: (i: Inspection) => Inspection,
  by: string,
  at: string,
  reason = '现场记录有误',
): Inspection {
  const result = amendInspection(current, change(current), { by, at, reason });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inspection;
}

const ZONE = '330604400';
const zoneInspector = {
  role: 'inspector' as const,
  agency: 'safety' as const,
  jurisdiction: [ZONE],
};

const withRep = (name: string) => (i: Inspection) => ({
  ...i,
  enterpriseRep: { name, title: '安全负责人' },
});

describe.each(databaseKinds)("an inspection's life on %s", (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device; // a co-inspector of li's visits (not the demo's wang: he works elsewhere)
  let outsider: Device;
  let supervisor: Device;
  let admin: Device;
  let enterprise: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    // Safety inspectors of the development zone: one takes part in li's visits, one does not.
    wang = await addUser(t, { ...zoneInspector, username: 'inspector.qian' });
    outsider = await addUser(t, { ...zoneInspector, username: 'inspector.sun' });
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    admin = await signIn(t.app, t.district, 'admin');
    // In the development zone, li's jurisdiction.
    const zone = t.district.enterprises.find((e) => e.town === ZONE);
    if (!zone) throw new Error('no enterprise in the zone');
    enterprise = zone.id;
  });
  afterAll(() => t.close());

  const submitted = () => submittedInspection(t, li, [wang.userId], enterprise);

  it('never takes a submitted inspection back to draft, nor deletes it, whoever asks', async () => {
    const inspection = await submitted();
    const { version } = await storedInspection(t, inspection.id);
    const ids = [inspection.id];
    for (const device of [li, admin]) {
      const back = { ...inspection, status: 'draft' as const };
      await expectRefused(t, device, [upsert('inspection', back, version)], 'submittedFinal', ids);
      const gone = { ...inspection, deletedAt: FINISHED_AT };
      await expectRefused(t, device, [upsert('inspection', gone, version)], 'submittedFinal', ids);
      const deleted = remove('inspection', inspection.id, version);
      await expectRefused(t, device, [deleted], 'submittedFinal', ids);
    }
  });

  it('lets only the lead delete a draft, with its hazards', async () => {
    const draft = await completeDraft(t, li, [wang.userId], enterprise);
    const hazard = newFinding(draft);
    const made = await push(t.app, li, [upsert('inspection', draft), upsert('finding', hazard)]);
    const [v, fv] = made.results.map((r) => r.version ?? 0);
    const ids = [draft.id, hazard.id];
    // A co-inspector, and an administrator, take part in no deletion of another's draft.
    await expectRefused(
      t,
      wang,
      [remove('inspection', draft.id, v ?? 0)],
      'deleteOwnDraftOnly',
      ids,
    );
    await expectRefused(
      t,
      admin,
      [remove('inspection', draft.id, v ?? 0)],
      'deleteOwnDraftOnly',
      ids,
    );
    // The lead deletes it, its hazard in the same batch.
    const res = await push(t.app, li, [
      remove('inspection', draft.id, v ?? 0),
      remove('finding', hazard.id, fv ?? 0),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await storedInspection(t, draft.id)).data.deletedAt).not.toBeNull();
  });

  it("stamps a deletion with the server's time, whatever the device wrote", async () => {
    const draft = await completeDraft(t, li, [wang.userId], enterprise);
    const hazard = newFinding(draft);
    const made = await push(t.app, li, [upsert('inspection', draft), upsert('finding', hazard)]);
    const res = await push(t.app, li, [
      upsert(
        'finding',
        { ...hazard, deletedAt: '2020-01-01T00:00:00.000Z' },
        made.results[1]?.version,
      ),
      upsert(
        'inspection',
        { ...draft, deletedAt: '2020-01-01T00:00:00.000Z' },
        made.results[0]?.version,
      ),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const stored = await snapshot(t, [draft.id, hazard.id]);
    expect(stored.map((r) => (r.data as { deletedAt: string }).deletedAt)).toEqual([
      TEST_NOW.toISOString(),
      TEST_NOW.toISOString(),
    ]);
  });

  it('deletes a hazard only while its inspection is a draft, and only by one of its officers', async () => {
    const draft = await completeDraft(t, li, [wang.userId], enterprise);
    const kept = newFinding(draft);
    const dropped = newFinding(draft);
    const made = await push(t.app, li, [
      upsert('inspection', draft),
      upsert('finding', kept),
      upsert('finding', dropped),
    ]);
    const [, keptVersion, droppedVersion] = made.results.map((r) => r.version ?? 0);
    // An inspector of the town who takes no part, and an administrator: refused.
    for (const device of [outsider, admin]) {
      const code = device === outsider ? 'notYourFinding' : 'hazardDeleteDraftOnly';
      await expectRefused(t, device, [remove('finding', dropped.id, droppedVersion ?? 0)], code, [
        dropped.id,
      ]);
    }
    // The co-inspector deletes one while it is a draft.
    const deleted = await push(t.app, wang, [remove('finding', dropped.id, droppedVersion ?? 0)]);
    expect(deleted.results[0]?.status).toBe('applied');
    const submit = await push(t.app, li, [
      upsert('inspection', { ...draft, status: 'submitted', finishedAt: FINISHED_AT }, 0),
    ]);
    expect(submit.results[0]?.status).toBe('applied');
    // Submitted: not by anyone, not even with an amendment of the hazard (without one, the lock
    // on its content refuses it first).
    const current = await storedInspection(t, draft.id);
    const at = '2026-11-29T07:40:00.000+08:00';
    const amendment: Amendment = { at, by: li.userId, reason: '删除重复隐患', findingId: kept.id };
    await push(t.app, li, [
      upsert(
        'inspection',
        { ...current.data, amendments: [...current.data.amendments, amendment] },
        current.version,
      ),
    ]);
    await expectRefused(
      t,
      li,
      [upsert('finding', { ...kept, deletedAt: at, amendedAt: at }, keptVersion ?? 0)],
      'hazardDeleteDraftOnly',
      [kept.id],
    );
    await expectRefused(t, li, [remove('finding', kept.id, keptVersion ?? 0)], 'submittedLocked', [
      kept.id,
    ]);
  });

  it('keeps a hazard in the inspection it was recorded in', async () => {
    const first = await completeDraft(t, li, [wang.userId], enterprise);
    const second = await completeDraft(t, li, [wang.userId], enterprise);
    const hazard = newFinding(first);
    const made = await push(t.app, li, [
      upsert('inspection', first),
      upsert('inspection', second),
      upsert('finding', hazard),
    ]);
    const version = made.results[2]?.version ?? 0;
    await expectRefused(
      t,
      li,
      [upsert('finding', { ...hazard, inspectionId: second.id }, version)],
      'findingInspectionFixed',
      [hazard.id],
    );
  });

  it('changes a submitted inspection only with a new amendment naming exactly what changes', async () => {
    const inspection = await submitted();
    const { version } = await storedInspection(t, inspection.id);
    const ids = [inspection.id];
    // No amendment at all.
    await expectRefused(
      t,
      li,
      [upsert('inspection', withRep('李四')(inspection), version)],
      'amendmentRequired',
      ids,
    );
    // An amendment that names the representative, with the location changed too.
    const named = amend(inspection, withRep('李四'), li.userId, '2026-11-29T07:40:00.000+08:00');
    const moved = { ...named, location: { lat: 30.5, lon: 120.5, accuracyM: 5 } };
    const error = await expectRefused(
      t,
      li,
      [upsert('inspection', moved, version)],
      'amendmentRequired',
      ids,
    );
    expect(error).toMatch(/location changed without one/);
    // An amendment that names a field the change leaves as it was.
    const idle = {
      ...inspection,
      amendments: [
        {
          at: '2026-11-29T07:41:00.000+08:00',
          by: li.userId,
          reason: '补正',
          changes: [{ field: 'kind', before: 'routine', after: 'special' }],
        },
      ],
    };
    await expectRefused(
      t,
      li,
      [upsert('inspection', idle, version)],
      'amendmentFieldsUnchanged',
      ids,
    );
    // Another's amendment, or one by someone who takes no part.
    const others = amend(inspection, withRep('李四'), wang.userId, '2026-11-29T07:42:00.000+08:00');
    await expectRefused(t, li, [upsert('inspection', others, version)], 'amendmentNotYours', ids);

    const res = await push(t.app, li, [upsert('inspection', named, version)]);
    expect(res.results[0]?.status).toBe('applied');
    const stored = (await storedInspection(t, inspection.id)).data;
    expect(stored.enterpriseRep?.name).toBe('李四');
    // The server stamps the amendment's time, whatever the device sent.
    expect(stored.amendments).toEqual([
      { ...named.amendments[0], recordedAt: TEST_NOW.toISOString() },
    ]);
  });

  it('takes several offline amendments at once, a stale copy as no change, and never a rewritten history', async () => {
    const inspection = await submitted();
    const { version } = await storedInspection(t, inspection.id);
    // Two amendments made offline, coalesced by the outbox into one mutation.
    const once = amend(inspection, withRep('李四'), li.userId, '2026-11-29T07:40:00.000+08:00');
    const twice = amend(once, withRep('王五'), li.userId, '2026-11-29T07:41:00.000+08:00', '又改');
    const device = {
      ...twice,
      amendments: twice.amendments.map((a) => ({ ...a, recordedAt: '2020-01-01T00:00:00.000Z' })),
    };
    const res = await push(t.app, li, [upsert('inspection', device, version)]);
    expect(res.results[0]?.status).toBe('applied');
    const stored = await storedInspection(t, inspection.id);
    expect(stored.data.amendments.map((a) => [a.reason, a.recordedAt])).toEqual([
      ['现场记录有误', TEST_NOW.toISOString()],
      ['又改', TEST_NOW.toISOString()],
    ]);
    // The device's own copy without the server's stamps changes nothing.
    const stale = await push(t.app, li, [upsert('inspection', twice, version)]);
    expect(stale.results[0]?.status).toBe('applied');
    expect(await storedInspection(t, inspection.id)).toEqual(stored);
    // Dropping, rewriting or reordering an earlier amendment is refused.
    const [first, second] = stored.data.amendments as [Amendment, Amendment];
    const ids = [inspection.id];
    for (const amendments of [
      [{ ...first, reason: '改写理由' }, second],
      [second, first],
      [second],
    ]) {
      const rewritten = { ...stored.data, amendments };
      await expectRefused(
        t,
        li,
        [upsert('inspection', rewritten, stored.version)],
        'amendmentsAppendOnly',
        ids,
      );
    }
  });

  it("takes a hazard's change only with a new amendment of the caller's naming it", async () => {
    const draft = await completeDraft(t, li, [wang.userId], enterprise);
    const hazard = newFinding(draft);
    await push(t.app, li, [
      upsert('inspection', draft),
      upsert('finding', hazard),
      upsert('inspection', { ...draft, status: 'submitted', finishedAt: FINISHED_AT }, 0),
    ]);
    const amendmentOf = (at: string, by: string): Amendment => ({
      at,
      by,
      reason: '更正',
      findingId: hazard.id,
    });
    const first = '2026-11-29T07:40:00.000+08:00';
    const second = '2026-11-29T07:41:00.000+08:00';
    const byWang = '2026-11-29T07:42:00.000+08:00';
    const current = await storedInspection(t, draft.id);
    // Wang's device records an amendment of his; li's records two of hers.
    const wangs = await push(t.app, wang, [
      upsert(
        'inspection',
        { ...current.data, amendments: [amendmentOf(byWang, wang.userId)] },
        current.version,
      ),
    ]);
    expect(wangs.results[0]?.status).toBe('applied');
    const now = await storedInspection(t, draft.id);
    const lis = await push(t.app, li, [
      upsert(
        'inspection',
        {
          ...now.data,
          amendments: [
            ...now.data.amendments,
            amendmentOf(first, li.userId),
            amendmentOf(second, li.userId),
          ],
        },
        now.version,
      ),
    ]);
    expect(lis.results[0]?.status).toBe('applied');
    const stored = () => mustBeStored<Finding>(t.db, 'finding', hazard.id);
    const v0 = (await stored()).version;
    // Li may not use Wang's amendment.
    await expectRefused(
      t,
      li,
      [upsert('finding', { ...hazard, title: '甲', amendedAt: byWang }, v0)],
      'submittedLocked',
      [hazard.id],
    );
    const a = await push(t.app, li, [
      upsert('finding', { ...hazard, title: '甲', amendedAt: first }, v0),
    ]);
    expect(a.results[0]?.status).toBe('applied');
    const b = await push(t.app, li, [
      upsert('finding', { ...hazard, title: '乙', amendedAt: second }, a.results[0]?.version ?? 0),
    ]);
    expect(b.results[0]?.status).toBe('applied');
    // The first amendment again: an earlier change used it, it is not new.
    const v2 = (await stored()).version;
    await expectRefused(
      t,
      li,
      [upsert('finding', { ...hazard, title: '丙', amendedAt: first }, v2)],
      'submittedLocked',
      [hazard.id],
    );
    expect((await stored()).data.title).toBe('乙');
  });

  it('sends an approved inspection back to review when it is amended, the approval kept', async () => {
    const inspection = await submitted();
    const approved = await decided(t, supervisor, inspection.id, 'approved', '同意');
    const { version } = await storedInspection(t, inspection.id);
    // The device still believes it approved (as an old app would send it).
    const amended = amend(approved, withRep('李四'), li.userId, '2026-11-29T07:45:00.000+08:00');
    const res = await push(t.app, li, [upsert('inspection', amended, version)]);
    expect(res.results[0]?.status).toBe('applied');
    const after = (await storedInspection(t, inspection.id)).data;
    expect(after.review).toEqual({
      ...approved.review,
      status: 'pending',
      reopenedFrom: 'approved',
    });
    // A reopening is the server's, not a conflict for a supervisor to settle.
    const conflicts = await t.db.query('SELECT 1 FROM conflicts WHERE record_id = $1::uuid', [
      inspection.id,
    ]);
    expect(conflicts).toEqual([]);
  });
});
