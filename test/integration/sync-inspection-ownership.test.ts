// Who an inspection belongs to, as the server enforces it through POST /sync/push for every role:
// a new inspection is led by its sender and the lead never changes; its agencies are exactly its
// officers'; its co-inspectors are active users who may inspect; and a submission passes the same
// completeness check as on the device, against what the server holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import { MAJOR_HAZARD_TEMPLATE_ID } from '../../server/src/statutory/built-in-templates';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { addUser, agencyOf } from '../support/extra-users';
import {
  FINISHED_AT,
  completeDraft,
  expectRefused,
  snapshot,
  storedInspection,
} from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import {
  newFinding,
  newInspection,
  push,
  signIn,
  upsert,
  userIdOf,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)('who an inspection belongs to, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let qian: Device;
  let admin: Device;
  let enterprise: string;
  let chenId: string;
  let supervisorId: string;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    admin = await signIn(t.app, t.district, 'admin');
    qian = await addUser(t, {
      username: 'inspector.qian',
      role: 'inspector',
      agency: 'safety',
      jurisdiction: [ZONE],
    });
    const zone = t.district.enterprises.find((e) => e.town === ZONE);
    if (!zone) throw new Error('no enterprise in the zone');
    enterprise = zone.id;
    chenId = userIdOf(t.district, 'inspector.chen');
    supervisorId = userIdOf(t.district, 'supervisor.safety');
  });
  afterAll(() => t.close());

  const safety = () => agencyOf(t, 'safety');
  const environment = () => agencyOf(t, 'environment');
  const draftOf = (lead: string, overrides: Partial<Inspection> = {}) =>
    newInspection(t.district, lead, enterprise, overrides);

  it('takes a new inspection only when its lead is the sender, administrators included', async () => {
    const other = draftOf(qian.userId, { coInspectorIds: [li.userId] });
    await expectRefused(t, li, [upsert('inspection', other)], 'leadMustBeYou', [other.id]);
    const forLi = draftOf(li.userId);
    await expectRefused(t, admin, [upsert('inspection', forLi)], 'leadMustBeYou', [forLi.id]);
    // Nor led by someone who may not inspect: an administrator leading their own.
    const adminsOwn = draftOf(admin.userId);
    await expectRefused(t, admin, [upsert('inspection', adminsOwn)], 'leadNotInspector', [
      adminsOwn.id,
    ]);
  });

  it('never changes the lead, not even of a draft', async () => {
    const draft = draftOf(li.userId, { coInspectorIds: [qian.userId] });
    const made = await push(t.app, li, [upsert('inspection', draft)]);
    const version = made.results[0]?.version ?? 0;
    const handed = { ...draft, leadInspectorId: qian.userId, coInspectorIds: [li.userId] };
    await expectRefused(t, li, [upsert('inspection', handed, version)], 'leadFixed', [draft.id]);
  });

  it("leaves a draft's co-inspectors, checklists and place to its lead", async () => {
    const draft = draftOf(li.userId, { coInspectorIds: [qian.userId] });
    const made = await push(t.app, li, [upsert('inspection', draft)]);
    expect(made.results[0]?.status).toBe('applied');
    const version = made.results[0]?.version ?? 0;
    const wangId = userIdOf(t.district, 'inspector.wang');
    const byCoInspector: Partial<Inspection>[] = [
      { coInspectorIds: [qian.userId, wangId] },
      { location: { lat: 30.1, lon: 120.9, accuracyM: 10 } },
      { templateId: MAJOR_HAZARD_TEMPLATE_ID, templateVersion: 1 },
    ];
    for (const change of byCoInspector) {
      await expectRefused(
        t,
        qian,
        [upsert('inspection', { ...draft, ...change }, version)],
        'draftSetupLeadOnly',
        [draft.id],
      );
    }
    // The co-inspector still writes the draft's answers; the lead changes its place.
    const moved = { ...draft, location: { lat: 30.1, lon: 120.9, accuracyM: 10 } };
    const res = await push(t.app, li, [upsert('inspection', moved, version)]);
    expect(res.results[0]?.status, res.results[0]?.error).toBe('applied');
  });

  it("takes as its agencies exactly its officers' agencies, a joint inspection's all of them", async () => {
    const foreign = draftOf(li.userId, { agencyIds: [environment()] });
    await expectRefused(t, li, [upsert('inspection', foreign)], 'agenciesOfOfficers', [foreign.id]);
    const added = draftOf(li.userId, { agencyIds: [safety(), environment()] });
    await expectRefused(t, li, [upsert('inspection', added)], 'agenciesOfOfficers', [added.id]);
    const half = draftOf(li.userId, { coInspectorIds: [chenId], agencyIds: [safety()] });
    const error = await expectRefused(t, li, [upsert('inspection', half)], 'agenciesOfOfficers', [
      half.id,
    ]);
    expect(error).toContain(environment());

    const joint = draftOf(li.userId, {
      kind: 'joint',
      coInspectorIds: [chenId],
      agencyIds: [environment(), safety()],
    });
    const res = await push(t.app, li, [upsert('inspection', joint)]);
    expect(res.results[0]?.status).toBe('applied');
    // A co-inspector added later brings no agency that is not named.
    const more = { ...joint, coInspectorIds: [chenId, qian.userId] };
    expect(
      (await push(t.app, li, [upsert('inspection', more, res.results[0]?.version ?? 0)])).results[0]
        ?.status,
    ).toBe('applied');
    const dropped = { ...joint, coInspectorIds: [qian.userId] };
    const version = (await storedInspection(t, joint.id)).version;
    await expectRefused(t, li, [upsert('inspection', dropped, version)], 'agenciesOfOfficers', [
      joint.id,
    ]);
  });

  it('takes as co-inspectors only active users who may inspect', async () => {
    const gone: User = {
      id: '0197a000-0000-7000-8000-0000000000ee',
      version: 0,
      updatedAt: FINISHED_AT,
      deletedAt: FINISHED_AT,
      createdBy: userIdOf(t.district, 'admin'),
      username: 'inspector.gone',
      displayName: '离职人员',
      role: 'inspector',
      agencyId: safety(),
      jurisdiction: [ZONE],
      certificateNo: 'ZJ33060419999',
    };
    await t.db.transaction((tx) => writeRecords(tx, [{ entity: 'user', data: gone }]));
    const cases: [string[], string][] = [
      [['0197a000-0000-7000-8000-00000000beef'], 'coInspectorUnknown'],
      [[gone.id], 'coInspectorUnknown'],
      [[supervisorId], 'coInspectorNotInspector'],
    ];
    for (const [coInspectorIds, code] of cases) {
      const draft = draftOf(li.userId, { coInspectorIds, agencyIds: [safety()] });
      await expectRefused(t, li, [upsert('inspection', draft)], code, [draft.id]);
    }
    // Added to a stored draft: the same.
    const draft = draftOf(li.userId);
    const made = await push(t.app, li, [upsert('inspection', draft)]);
    const version = made.results[0]?.version ?? 0;
    await expectRefused(
      t,
      li,
      [upsert('inspection', { ...draft, coInspectorIds: [supervisorId] }, version)],
      'coInspectorNotInspector',
      [draft.id],
    );
  });

  it('refuses to name a deactivated officer as a co-inspector, and keeps one already named', async () => {
    const draft = draftOf(li.userId, { coInspectorIds: [qian.userId] });
    const made = await push(t.app, li, [upsert('inspection', draft)]);
    expect(made.results[0]?.status).toBe('applied');
    const version = made.results[0]?.version ?? 0;
    await t.db.query(
      `INSERT INTO deactivated_users (user_id, at, by) VALUES ($1::uuid, now(), $2::uuid)`,
      [qian.userId, admin.userId],
    );
    try {
      const another = draftOf(li.userId, { coInspectorIds: [qian.userId] });
      await expectRefused(t, li, [upsert('inspection', another)], 'coInspectorDeactivated', [
        another.id,
      ]);
      // The draft that named her before keeps her: its other changes are still taken.
      const edited = await push(t.app, li, [
        upsert(
          'inspection',
          { ...draft, enterpriseRep: { name: '张平', title: '安全主管' } },
          version,
        ),
      ]);
      expect(edited.results[0]?.status).toBe('applied');
    } finally {
      await t.db.query('DELETE FROM deactivated_users WHERE user_id = $1::uuid', [qian.userId]);
    }
  });

  it('submits only what passes the completeness check on what the server holds', async () => {
    const submit = (i: Inspection) => ({
      ...i,
      status: 'submitted' as const,
      finishedAt: FINISHED_AT,
    });
    // One officer: the two-officer rule, and his missing co-inspector's signature.
    const alone = await completeDraft(t, li, [], enterprise);
    const stored = await push(t.app, li, [upsert('inspection', alone)]);
    const version = stored.results[0]?.version ?? 0;
    const error = await expectRefused(
      t,
      li,
      [upsert('inspection', submit(alone), version)],
      'submissionIncomplete',
      [alone.id],
    );
    expect(error).toMatch(/officers\.tooFew \(1\)/);

    // A new record arriving submitted is checked too: here a failed item without its hazard.
    const full = await completeDraft(t, li, [qian.userId], enterprise);
    const [first, ...rest] = full.itemResults;
    if (!first) throw new Error('the template has no items');
    const failing = { ...full, itemResults: [{ ...first, result: 'fail' as const }, ...rest] };
    const failed = await expectRefused(
      t,
      li,
      [upsert('inspection', submit(failing))],
      'submissionIncomplete',
      [failing.id],
    );
    expect(failed).toContain(`item.failedWithoutFinding (${first.itemId})`);
    // Without a finish time, or one before the start.
    const early = { ...submit(full), finishedAt: '2026-11-29T05:00:00.000+08:00' };
    await expectRefused(t, li, [upsert('inspection', early)], 'submissionIncomplete', [full.id]);

    // Its hazard, written earlier in the same batch, counts.
    const hazard = newFinding(failing, { itemId: first.itemId });
    const res = await push(t.app, li, [
      upsert('inspection', failing),
      upsert('finding', hazard),
      upsert('inspection', submit(failing), 0),
    ]);
    expect(res.results.map((r) => [r.status, r.error])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
      ['applied', undefined],
    ]);
    expect((await snapshot(t, [failing.id]))[0]).toMatchObject({ data: { status: 'submitted' } });
  });

  it('submits only checklists the server holds: a template it does not know is no checklist answered', async () => {
    const submit = (i: Inspection) => ({
      ...i,
      status: 'submitted' as const,
      finishedAt: FINISHED_AT,
    });
    const full = await completeDraft(t, li, [qian.userId], enterprise);
    const unknown = '0197a000-0000-7000-8000-00000000dead';
    const named = {
      ...full,
      templateRefs: [
        { id: full.templateId, version: full.templateVersion },
        { id: unknown, version: 1 },
      ],
    };
    const stored = await push(t.app, li, [upsert('inspection', named)]);
    expect(stored.results[0]?.status).toBe('applied');
    const version = stored.results[0]?.version ?? 0;
    const error = await expectRefused(
      t,
      li,
      [upsert('inspection', submit(named), version)],
      'submissionIncomplete',
      [named.id],
    );
    expect(error).toContain(`template.unknown (${unknown})`);
    // Its lead takes the unknown checklist away, as the app lets them, and it is submitted.
    const res = await push(t.app, li, [upsert('inspection', submit(full), version)]);
    expect(res.results[0]?.status).toBe('applied');
  });
});
