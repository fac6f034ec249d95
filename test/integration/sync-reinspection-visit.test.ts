// A re-inspection visit skips the completeness check of a site visit, so the server holds it to
// what the app makes of one (renderer reinspectionVisit): led by its sender, of its officers'
// agencies, with co-inspectors who may inspect, at least two certified officers (两人以上执法),
// recorded submitted when made, answering no checklist and recording no hazard; and no
// inspection becomes or stops being a visit afterwards. Every refusal reads the records back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendInspection } from '../../domain/rules/amendment';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import { reinspectionVisit } from '../../renderer/src/db/repositories/rectification';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import {
  FINISHED_AT,
  decided,
  snapshot,
  storedInspection,
  submittedInspection,
} from '../support/inspection-fixtures';
import type { Device, MutationInput } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { store } from '../support/rectification-fixtures';
import { NEVER_STORED, recordState } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';
/** 07:30 in China on the server's day. */
const at = '2026-11-28T23:30:00.000Z';

describe.each(databaseKinds)('re-inspection visits on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let chen: Device;
  let wang: Device;
  let supervisor: Device;
  let envSupervisor: Device;
  /** A submitted inspection li led in the zone: what the visits re-inspect. */
  let original: Inspection;

  beforeAll(async () => {
    t = await demoApp(kind);
    [li, chen, wang, supervisor, envSupervisor] = (await Promise.all(
      [
        'inspector.li',
        'inspector.chen',
        'inspector.wang',
        'supervisor.safety',
        'supervisor.env',
      ].map((u) => signIn(t.app, t.district, u)),
    )) as [Device, Device, Device, Device, Device];
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    original = await submittedInspection(t, li, [wang.userId], enterprise.id);
  });
  afterAll(() => t.close());

  const user = (device: Device): User => {
    const found = t.district.users.find((u) => u.record.id === device.userId)?.record;
    if (!found) throw new Error(`no demo user ${device.username}`);
    return found;
  };
  /** The visit the app makes when `lead` re-inspects with `colleagues`. */
  const appVisit = (lead: Device, colleagues: Device[]) =>
    reinspectionVisit(original, user(lead), colleagues.map(user), at);

  async function expectApplied(device: Device, mutations: MutationInput[]) {
    const res = await push(t.app, device, mutations);
    expect(res.results.map((r) => [r.status, r.error])).toEqual(
      mutations.map(() => ['applied', undefined]),
    );
  }

  /** Pushes as `device`, expects the last mutation refused with `code`, `ids` as before. */
  async function expectRefused(
    device: Device,
    mutations: MutationInput[],
    code: string,
    ids: string[],
    params?: Record<string, string>,
  ) {
    const before = await snapshot(t, ids);
    const res = await push(t.app, device, mutations);
    expect(res.results.at(-1), device.username).toMatchObject({
      status: 'rejected',
      reason: params ? { code, params } : { code },
    });
    expect(await snapshot(t, ids)).toEqual(before);
  }

  it("takes the app's visits: an inspector's with a colleague of another bureau, a supervisor's with an inspector", async () => {
    const joint = appVisit(li, [chen]);
    expect(joint.agencyIds).toHaveLength(2);
    await expectApplied(li, [upsert('inspection', joint)]);
    await expectApplied(supervisor, [upsert('inspection', appVisit(supervisor, [li]))]);
    expect((await storedInspection(t, joint.id)).data).toMatchObject({
      kind: 'reinspection',
      status: 'submitted',
      coInspectorIds: [chen.userId],
    });
  });

  it('refuses a visit of one officer, whoever leads it', async () => {
    for (const lead of [li, supervisor]) {
      const alone = appVisit(lead, []);
      await expectRefused(lead, [upsert('inspection', alone)], 'reinspectionOfficers', [alone.id], {
        qualified: '1',
      });
      expect(await recordState(t.db, 'inspection', alone.id)).toEqual(NEVER_STORED);
    }
    // A supervisor is no co-inspector: the visit would still have one officer.
    const withBoss = { ...appVisit(li, []), coInspectorIds: [supervisor.userId] };
    await expectRefused(li, [upsert('inspection', withBoss)], 'coInspectorNotInspector', [
      withBoss.id,
    ]);
  });

  it('refuses a visit led by someone else, or of other agencies than its officers', async () => {
    const forChen = appVisit(chen, [li]);
    await expectRefused(li, [upsert('inspection', forChen)], 'leadMustBeYou', [forChen.id]);
    const otherBureau = { ...appVisit(li, [wang]), agencyIds: [user(envSupervisor).agencyId] };
    await expectRefused(li, [upsert('inspection', otherBureau)], 'agenciesOfOfficers', [
      otherBureau.id,
    ]);
  });

  it('refuses a visit that answers checklist items, or is made as a draft', async () => {
    const answered: Inspection = {
      ...appVisit(li, [wang]),
      itemResults: original.itemResults.slice(0, 2),
    };
    await expectRefused(li, [upsert('inspection', answered)], 'reinspectionNoAnswers', [
      answered.id,
    ]);
    const draft: Inspection = { ...appVisit(li, [wang]), status: 'draft' };
    await expectRefused(li, [upsert('inspection', draft)], 'reinspectionSubmitted', [draft.id]);
  });

  it('refuses a hazard recorded in a visit, even by amendment', async () => {
    const made = appVisit(li, [wang]);
    await expectApplied(li, [upsert('inspection', made)]);
    const hazard = newFinding(made);
    // Plainly, a submitted record's new hazard is locked; by amendment, a visit records none.
    await expectRefused(li, [upsert('finding', hazard)], 'submittedLocked', [made.id, hazard.id]);
    const visit = await storedInspection(t, made.id);
    const amendment = { at, by: li.userId, reason: '补记隐患', findingId: hazard.id };
    const res = await push(t.app, li, [
      upsert(
        'inspection',
        { ...visit.data, amendments: [...visit.data.amendments, amendment] },
        visit.version,
      ),
      upsert('finding', { ...hazard, amendedAt: at }),
    ]);
    expect(res.results.map((r) => [r.status, r.reason?.code])).toEqual([
      ['applied', undefined],
      ['rejected', 'reinspectionNoHazards'],
    ]);
    expect(await recordState(t.db, 'finding', hazard.id)).toEqual(NEVER_STORED);
  });

  it('refuses a draft turned into a visit, and a visit amended into a site visit', async () => {
    const enterprise = original.enterpriseId;
    const draft = newInspection(t.district, li.userId, enterprise, {
      coInspectorIds: [wang.userId],
    });
    await expectApplied(li, [upsert('inspection', draft)]);
    const held = await storedInspection(t, draft.id);
    await expectRefused(
      li,
      [
        upsert(
          'inspection',
          { ...held.data, kind: 'reinspection', status: 'submitted', itemResults: [] },
          held.version,
        ),
      ],
      'reinspectionKindFixed',
      [draft.id],
    );

    const made = appVisit(li, [wang]);
    await expectApplied(li, [upsert('inspection', made)]);
    const visit = await storedInspection(t, made.id);
    const amended = amendInspection(
      visit.data,
      { ...visit.data, kind: 'routine' },
      { by: li.userId, at, reason: '改为日常检查' },
    );
    if (!amended.ok) throw new Error('the amendment was refused on the device');
    await expectRefused(
      li,
      [upsert('inspection', amended.inspection, visit.version)],
      'reinspectionKindFixed',
      [made.id],
    );
  });

  it('refuses an amendment that leaves a visit one officer, and takes one that names another', async () => {
    const made = appVisit(li, [wang]);
    await expectApplied(li, [upsert('inspection', made)]);
    const visit = await storedInspection(t, made.id);
    const amend = (change: Partial<Inspection>, reason: string) => {
      const amended = amendInspection(
        visit.data,
        { ...visit.data, ...change },
        { by: li.userId, at, reason },
      );
      if (!amended.ok) throw new Error('the amendment was refused on the device');
      return upsert('inspection', amended.inspection, visit.version);
    };
    await expectRefused(li, [amend({ coInspectorIds: [] }, '王未到场')], 'reinspectionOfficers', [
      made.id,
    ]);
    const safety = user(li).agencyId;
    const environment = user(chen).agencyId;
    await expectApplied(li, [
      amend(
        { coInspectorIds: [wang.userId, chen.userId], agencyIds: [safety, environment] },
        '陈亦到场',
      ),
    ]);
  });

  it('still reviews a visit recorded with one officer before this rule', async () => {
    const [legacy] = await store(t, [
      newInspection(t.district, li.userId, original.enterpriseId, {
        kind: 'reinspection',
        status: 'submitted',
        startedAt: at,
        finishedAt: FINISHED_AT,
        itemResults: [],
        agencyIds: [user(li).agencyId],
      }),
    ]);
    const approved = await decided(t, supervisor, legacy!.id, 'approved');
    expect(approved.review.status).toBe('approved');
  });
});
