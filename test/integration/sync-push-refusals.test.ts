// Writes the push refuses, each as a hostile or mistaken device would send it: the answer names
// the refusal, the device's kept answer says the same, and the database holds exactly what it
// held before (records, their history and conflicts).
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityName } from '../../domain/schemas/entities';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import type { DemoApp } from '../support/demo-app';
import { demoApp, getAs, login } from '../support/demo-app';
import type { Device, MutationInput } from '../support/push-fixtures';
import {
  expectPushRefused,
  newFinding,
  newInspection,
  push,
  remove,
  signIn,
  upsert,
} from '../support/push-fixtures';
import { NEVER_STORED, recordState, savedResult, storedRecord } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

/** The development zone: inspector.li's and inspector.chen's town, not inspector.wang's. */
const ZONE = '330604400';

describe.each(databaseKinds)('writes the push refuses, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let chen: Device;
  let wang: Device;
  let supervisor: Device;
  let admin: Device;
  /** li's draft inspection in the zone, with one hazard, as stored. */
  let draft: Inspection;
  let hazard: Finding;

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    chen = await signIn(t.app, t.district, 'inspector.chen');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    admin = await signIn(t.app, t.district, 'admin');
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    const inspection = newInspection(t.district, li.userId, enterprise.id);
    const finding = newFinding(inspection);
    const made = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', finding),
    ]);
    expect(made.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    draft = (await storedRecord<Inspection>(t.db, 'inspection', inspection.id))!.data;
    hazard = (await storedRecord<Finding>(t.db, 'finding', finding.id))!.data;
  });
  afterAll(() => t.close());

  /**
   * Pushes `mutation` from `device` and expects it refused with `code`, each of `untouched`
   * (entity and id) to be stored exactly as before, and the device's kept answer to say the same.
   */
  async function expectRefused(
    device: Device,
    mutation: MutationInput,
    code: string,
    untouched?: [EntityName, string][],
  ) {
    const res = await expectPushRefused(t, device, mutation, code, untouched);
    const mid = res.mutations[0]!.mid;
    expect(
      await savedResult(t.db, device.deviceId, mid),
      `${device.username} ${mutation.op} ${mutation.entity}`,
    ).toMatchObject({ mid, status: 'rejected', reason: { code } });
  }

  it('refuses an inspector of the town a change of an inspection he does not take part in (notYourInspection)', async () => {
    // chen covers the zone too, but li leads this inspection alone: he may not edit it, nor
    // join it by naming himself.
    await expectRefused(
      chen,
      upsert('inspection', { ...draft, kind: 'joint' }),
      'notYourInspection',
    );
    await expectRefused(
      chen,
      upsert('inspection', { ...draft, coInspectorIds: [chen.userId] }),
      'notYourInspection',
    );
  });

  it('refuses an inspection or a hazard naming an enterprise the server does not know (unknownEnterprise), admins too', async () => {
    const nowhere = uuidv7();
    const inspection = newInspection(t.district, li.userId, nowhere);
    await expectRefused(li, upsert('inspection', inspection), 'unknownEnterprise');
    await expectRefused(
      admin,
      upsert('inspection', newInspection(t.district, admin.userId, nowhere)),
      'unknownEnterprise',
    );
    // A hazard of li's own inspection, moved to no known enterprise.
    await expectRefused(
      li,
      upsert('finding', { ...hazard, enterpriseId: nowhere }),
      'unknownEnterprise',
    );
  });

  it("refuses a hazard whose enterprise is not its inspection's (enterpriseMismatch)", async () => {
    const elsewhere = t.district.enterprises.find(
      (e) => e.town === ZONE && e.id !== draft.enterpriseId,
    );
    if (!elsewhere) throw new Error('the zone has one enterprise only');
    await expectRefused(
      li,
      upsert('finding', newFinding(draft, { enterpriseId: elsewhere.id })),
      'enterpriseMismatch',
    );
    await expectRefused(
      li,
      upsert('finding', { ...hazard, enterpriseId: elsewhere.id }),
      'enterpriseMismatch',
    );
  });

  it("refuses a record whose data names another id than the mutation's (idMismatch)", async () => {
    // Sent under a new id (as a creation, from version 0), the data names li's stored hazard:
    // neither may change.
    const fresh = uuidv7();
    await expectRefused(
      li,
      { ...upsert('finding', { ...hazard, title: '借别的编号改写' }, 0), id: fresh },
      'idMismatch',
      [
        ['finding', fresh],
        ['finding', hazard.id],
      ],
    );
  });

  it('refuses to delete what the server does not hold (nothingToDelete), leaving no tombstone', async () => {
    const ghost = uuidv7();
    await expectRefused(li, remove('finding', ghost, 0), 'nothingToDelete');
    expect(await recordState(t.db, 'finding', ghost)).toEqual(NEVER_STORED);
    // The id of an inspection, named as a hazard: there is no such hazard.
    await expectRefused(li, remove('finding', draft.id, draft.version), 'nothingToDelete', [
      ['finding', draft.id],
      ['inspection', draft.id],
    ]);
  });

  it('refuses a username another user has, in any case (usernameTaken)', async () => {
    const wangRecord = (await storedRecord<User>(t.db, 'user', wang.userId))!.data;
    await expectRefused(
      admin,
      upsert('user', { ...wangRecord, username: 'inspector.li' }),
      'usernameTaken',
    );
    await expectRefused(
      admin,
      upsert('user', { ...wangRecord, username: 'Inspector.Li' }),
      'usernameTaken',
    );
    const newcomer = { ...wangRecord, id: uuidv7(), version: 0, username: 'inspector.li' };
    await expectRefused(admin, upsert('user', newcomer), 'usernameTaken');
    const named = await t.db.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'user' AND data->>'username' = 'inspector.li'`,
    );
    expect(named).toEqual([{ id: li.userId }]);
    // The name still signs li in, and wang keeps his.
    const owners: [string, string][] = [
      ['inspector.li', li.userId],
      ['inspector.wang', wang.userId],
    ];
    for (const [username, id] of owners) {
      const me = await getAs(t.app, '/api/v1/me', (await login(t.app, username)).token);
      expect(me.json<{ user: { id: string } }>().user.id, username).toBe(id);
    }
  });

  it("refuses a delete of another officer's draft inspection or hazard, and any delete by a supervisor", async () => {
    // chen covers the zone but does not take part; wang does not cover it.
    await expectRefused(chen, remove('inspection', draft.id, draft.version), 'notYourInspection');
    await expectRefused(chen, remove('finding', hazard.id, hazard.version), 'notYourFinding');
    await expectRefused(wang, remove('inspection', draft.id, draft.version), 'outsideJurisdiction');
    await expectRefused(wang, remove('finding', hazard.id, hazard.version), 'outsideJurisdiction');
    await expectRefused(
      supervisor,
      remove('inspection', draft.id, draft.version),
      'supervisorReviewOnly',
    );
    await expectRefused(
      supervisor,
      remove('finding', hazard.id, hazard.version),
      'rectificationOnly',
    );
    expect((await storedRecord(t.db, 'inspection', draft.id))?.data.deletedAt).toBeNull();
    expect((await storedRecord(t.db, 'finding', hazard.id))?.data.deletedAt).toBeNull();

    // Its lead deletes the hazard of the draft: the same delete, by its owner, is taken.
    const own = await push(t.app, li, [remove('finding', hazard.id, hazard.version)]);
    expect(own.results[0]?.status).toBe('applied');
    expect((await storedRecord(t.db, 'finding', hazard.id))?.data.deletedAt).not.toBeNull();
  });
});
