// A conflict's restore is judged as the resolver's own push (conflict-resolution.ts calls the
// push's applyOne): for each family of rules, a restore that the same push would refuse is refused
// with the same code and stores nothing, and the push, sent afterwards as the resolver, is refused
// alike. Conflicts are made as devices make them where they can be; where today's rules no longer
// let devices make one (a return without a comment, a hazard closed by hand), the log holds it as
// an earlier server logged it.
import { describe, expect, it } from 'vitest';
import { reportRectification } from '../../domain/rules/rectification';
import type { EntityName } from '../../domain/schemas/entities';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection } from '../../domain/schemas/inspection';
import type { User } from '../../domain/schemas/user';
import { logConflicts } from '../../server/src/sync/conflicts';
import { jpeg, photoRef, putBlob } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, bearer, errorBody, getAs, postJson } from '../support/demo-app';
import { submittedInspection } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import {
  addInspector,
  enterpriseFor,
  push,
  pushNewFinding,
  signIn,
  upsert,
} from '../support/push-fixtures';
import type { Scene } from '../support/rectification-fixtures';
import { store, storedHazard, withRectificationScene } from '../support/rectification-fixtures';
import { recordState, storedRecord } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('what a restore is held to, on %s', (kind) => {
  let t: DemoApp;
  let s: Scene;
  let liOther: Device;
  let adminOther: Device;
  let wang: Device;

  withRectificationScene(kind, async (scene) => {
    s = scene;
    t = scene.t;
    liOther = await signIn(t.app, t.district, 'inspector.li');
    adminOther = await signIn(t.app, t.district, 'admin');
    wang = await signIn(t.app, t.district, 'inspector.wang');
  });

  /** The open conflicts of the record, as its handler lists them. */
  const listed = async (handler: Device, recordId: string) => {
    const res = await getAs(t.app, '/api/v1/conflicts?status=open&limit=500', handler.token);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ conflicts: { id: string; recordId: string; field: string }[] }>()
      .conflicts.filter((c) => c.recordId === recordId);
  };

  /** The only open conflict of the record on `field`. */
  const conflictOn = async (handler: Device, recordId: string, field: string) => {
    const found = (await listed(handler, recordId)).filter((c) => c.field === field);
    expect(found).toHaveLength(1);
    return found[0]!.id;
  };

  /** A conflict as an earlier server logged it: `losing` overwritten on the stored record. */
  const logged = async (entity: EntityName, id: string, field: string, losing: unknown) => {
    const stored = await storedRecord(t.db, entity, id);
    if (!stored) throw new Error(`${entity} ${id} is not stored`);
    await t.db.transaction((tx) =>
      logConflicts(tx, [
        {
          entity,
          recordId: id,
          town: stored.town,
          field,
          keptValue: stored.data[field],
          losingValue: losing,
          keptUserId: s.li.userId,
          keptDeviceId: null,
          losingUserId: s.li.userId,
          losingDeviceId: null,
          version: stored.version,
          at: TEST_NOW.toISOString(),
        },
      ]),
    );
    return conflictOn(s.safety, id, field);
  };

  const conflictRow = async (id: string) =>
    (
      await t.db.query<{ resolution: string | null }>(
        'SELECT resolution FROM conflicts WHERE id = $1::uuid',
        [id],
      )
    )[0];

  /**
   * Restores the losing value of `conflictId` as the safety supervisor and expects it accepted
   * with nothing to write: the record's stored state stays as it was. Returns that state.
   */
  const restoreChangesNothing = async (conflictId: string, entity: EntityName, id: string) => {
    const before = await recordState(t.db, entity, id);
    const res = await postJson(
      t.app,
      `/api/v1/conflicts/${conflictId}/resolve`,
      { keep: 'losing' },
      bearer(s.safety.token),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await recordState(t.db, entity, id)).toEqual(before);
    return before;
  };

  /**
   * Restores the losing value of `conflictId` (on `entity`/`id`, field `field`) as `resolver` and
   * expects it refused with `code`, nothing stored and the conflict still open; then pushes the
   * same change as the resolver and expects the same refusal, again storing nothing.
   */
  async function expectRestoreRefused(
    resolver: Device,
    conflictId: string,
    entity: EntityName,
    id: string,
    field: string,
    losing: unknown,
    code: string,
  ) {
    const before = await recordState(t.db, entity, id);
    const res = await postJson(
      t.app,
      `/api/v1/conflicts/${conflictId}/resolve`,
      { keep: 'losing' },
      bearer(resolver.token),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(errorBody(res).error).toBe(code);
    expect(await recordState(t.db, entity, id)).toEqual(before);
    expect(await conflictRow(conflictId)).toEqual({ resolution: null });

    const stored = before.record!;
    const pushed = await push(t.app, resolver, [
      upsert(entity, { ...(stored.data as { id: string }), [field]: losing }, stored.version),
    ]);
    expect(pushed.results[0], `${resolver.username} pushing the same`).toMatchObject({
      status: 'rejected',
      reason: { code },
    });
    expect(await recordState(t.db, entity, id)).toEqual(before);
  }

  describe('the review and the inspection rules', () => {
    it('a return without a comment', async () => {
      const inspection = await submittedInspection(
        t,
        s.li,
        [wang.userId],
        enterpriseFor(t.district, s.li.username),
      );
      const losing = { ...inspection.review, status: 'returned', comment: '' };
      const id = await logged('inspection', inspection.id, 'review', losing);
      await expectRestoreRefused(
        s.safety,
        id,
        'inspection',
        inspection.id,
        'review',
        losing,
        'returnNeedsComment',
      );
    });

    it('a decision sent back to pending: no resubmission, so the decision stays, as on a push', async () => {
      const inspection = await submittedInspection(
        t,
        s.li,
        [wang.userId],
        enterpriseFor(t.district, s.li.username),
      );
      const approved = await push(t.app, s.safety, [
        upsert(
          'inspection',
          {
            ...inspection,
            review: { ...inspection.review, status: 'approved', comment: '同意' },
          },
          (await storedRecord<Inspection>(t.db, 'inspection', inspection.id))!.version,
        ),
      ]);
      expect(approved.results[0]?.status).toBe('applied');
      const id = await logged('inspection', inspection.id, 'review', inspection.review);
      // A pending review from anyone but the inspector resubmitting is a stale copy (review-rules):
      // the restore, like the push below, leaves the decision as stored.
      const before = await restoreChangesNothing(id, 'inspection', inspection.id);
      const stored = before.record!;
      const pushed = await push(t.app, s.safety, [
        upsert(
          'inspection',
          { ...(stored.data as Inspection), review: inspection.review },
          stored.version,
        ),
      ]);
      expect(pushed.results[0]?.status).toBe('applied');
      expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(before);
      expect((before.record?.data as Inspection).review.status).toBe('approved');
    });

    it("a user's name another user has taken since (administrators' conflicts)", async () => {
      const renamed = await addInspector(t, s.admin, 'inspector.renamed', ['330604400']);
      const other = await addInspector(t, s.admin, 'inspector.other', ['330604400']);
      const rename = async (device: Device, user: User, username: string, base: number) =>
        push(t.app, device, [upsert('user', { ...user, username }, base)]);
      const base = (await storedRecord<User>(t.db, 'user', renamed.id))!.version;
      expect((await rename(s.admin, renamed, 'inspector.a', base)).results[0]?.status).toBe(
        'applied',
      );
      expect((await rename(adminOther, renamed, 'inspector.b', base)).results[0]?.status).toBe(
        'conflict',
      );
      const held = (await storedRecord<User>(t.db, 'user', other.id))!;
      const taken = await rename(s.admin, held.data, 'inspector.a', held.version);
      expect(taken.results[0]?.status).toBe('applied');
      const id = await conflictOn(s.admin, renamed.id, 'username');
      await expectRestoreRefused(
        s.admin,
        id,
        'user',
        renamed.id,
        'username',
        'inspector.a',
        'usernameTaken',
      );
    });
  });

  describe('the rectification ledger', () => {
    it("a draft hazard's deadline two devices of its lead changed", async () => {
      const { finding, findingVersion } = await pushNewFinding(t.app, t.district, s.li);
      const a = await push(t.app, s.li, [
        upsert('finding', { ...finding, deadline: '2027-01-05' }, findingVersion),
      ]);
      expect(a.results[0]?.status).toBe('applied');
      const b = await push(t.app, liOther, [
        upsert('finding', { ...finding, deadline: '2027-01-20' }, findingVersion),
      ]);
      expect(b.results[0]?.status).toBe('conflict');
      const id = await conflictOn(s.safety, finding.id, 'deadline');
      // The form's deadline is the officers' while the inspection is a draft, not a supervisor's.
      await expectRestoreRefused(
        s.safety,
        id,
        'finding',
        finding.id,
        'deadline',
        '2027-01-05',
        'deadlineNeedsFailedReinspection',
      );
    });

    it('a hazard closed without a passed re-inspection', async () => {
      const hazard = await storedHazard(s);
      const id = await logged('finding', hazard.id, 'status', 'closed');
      await expectRestoreRefused(
        s.safety,
        id,
        'finding',
        hazard.id,
        'status',
        'closed',
        'closeNeedsPassedReinspection',
      );
    });

    it('a history that loses a step', async () => {
      const reported = reportRectification(
        await storedHazard(s),
        { reportedOn: '2026-11-28', note: '' },
        { userId: s.chen.userId, at: TEST_NOW.toISOString(), today: '2026-11-29' },
      );
      const [held] = await store(t, [reported]);
      const id = await logged('finding', held!.id, 'history', []);
      await expectRestoreRefused(
        s.safety,
        id,
        'finding',
        held!.id,
        'history',
        [],
        'historyRewritten',
      );
    });

    it("keeps the server's stamp on a step restored with the device's time, as a push does", async () => {
      const hazard = await storedHazard(s);
      const report = reportRectification(
        hazard,
        { reportedOn: '2026-11-28', note: '' },
        { userId: s.chen.userId, at: '2026-11-28T23:30:00.000Z', today: '2026-11-29' },
      );
      const sent = await push(t.app, s.chen, [upsert('finding', report)]);
      expect(sent.results[0]?.status).toBe('applied');
      const stamped = (await storedRecord<Finding>(t.db, 'finding', hazard.id))!;
      expect(stamped.data.rectification?.recordedAt).toBe(TEST_NOW.toISOString());
      // The losing value is the history as the device held it: the same step, the device's time.
      const id = await logged('finding', hazard.id, 'history', report.history);
      // The step the server holds, with its stamp: nothing to write.
      await restoreChangesNothing(id, 'finding', hazard.id);
      expect(await conflictRow(id)).toEqual({ resolution: 'losing' });
    });
  });

  describe('photo references', () => {
    it("a draft hazard's photos that only their uploader holds", async () => {
      const [first, second] = [jpeg('restore photo a'), jpeg('restore photo b')];
      for (const bytes of [first, second]) {
        expect((await putBlob(t.app, s.li.token, bytes)).statusCode).toBe(201);
      }
      const { finding, findingVersion } = await pushNewFinding(t.app, t.district, s.li);
      const a = await push(t.app, s.li, [
        upsert('finding', { ...finding, photos: [photoRef(first)] }, findingVersion),
      ]);
      expect(a.results[0]?.status).toBe('applied');
      const b = await push(t.app, liOther, [
        upsert('finding', { ...finding, photos: [photoRef(second)] }, findingVersion),
      ]);
      expect(b.results[0]?.status).toBe('conflict');
      const id = await conflictOn(s.safety, finding.id, 'photos');
      // The overwritten photo is no record's now: the supervisor may not know of it.
      const hash = photoRef(first).sha256;
      expect((await getAs(t.app, `/api/v1/blobs/${hash}`, s.safety.token)).statusCode).toBe(404);
      await expectRestoreRefused(
        s.safety,
        id,
        'finding',
        finding.id,
        'photos',
        [photoRef(first)],
        'rectificationOnly',
      );
      expect((await getAs(t.app, `/api/v1/blobs/${hash}`, s.safety.token)).statusCode).toBe(404);
    });
  });
});
