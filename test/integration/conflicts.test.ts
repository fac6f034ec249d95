// Resolving logged conflicts through POST /conflicts/:id/resolve: who may list and resolve which
// conflicts (supervisors of an agency concerned, in their own towns), and what a restore of the
// overwritten value is held to (every rule of a push). A refused or repeated resolution, and
// keeping the current value, leave the record exactly as stored (recordState).
// The conflicts here used to be on a hazard's title, which a supervisor may not write: a restore
// is now judged as the resolver's own push, so they are on the review, which they may.
import type { EntityName } from '../../domain/schemas/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { Finding } from '../../domain/schemas/finding';
import type { Inspection, Review } from '../../domain/schemas/inspection';
import type { DemoApp } from '../support/demo-app';
import { parseOrExplain, runAdminCommand } from '../../server/src/admin/commands';
import { TEST_NOW, bearer, demoApp, errorBody, getAs, login, postJson } from '../support/demo-app';
import {
  completeDraft,
  FINISHED_AT,
  storedInspection,
  submittedInspection,
} from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, newFinding, push, signIn, upsert } from '../support/push-fixtures';
import { recordState, storedCopy } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

interface Listed {
  id: string;
  recordId: string;
  field: string;
  town: string | null;
}

describe.each(databaseKinds)('conflict resolution on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let liOther: Device;
  let wang: Device;
  let supervisor: Device;
  let supervisorOther: Device;
  let envSupervisor: Device;
  let admin: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    liOther = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    supervisorOther = await signIn(t.app, t.district, 'supervisor.safety');
    envSupervisor = await signIn(t.app, t.district, 'supervisor.env');
    admin = await signIn(t.app, t.district, 'admin');
  });
  afterAll(() => t.close());

  const listed = async (device: Device, recordId: string) => {
    const list = await getAs(t.app, '/api/v1/conflicts?status=all&limit=500', device.token);
    expect(list.statusCode, list.body).toBe(200);
    return list.json<{ conflicts: Listed[] }>().conflicts.filter((c) => c.recordId === recordId);
  };

  const decision = (status: Review['status'], comment: string): Review => ({
    status,
    comment,
    reviewerId: supervisor.userId,
    reviewedAt: FINISHED_AT,
  });

  /**
   * A submitted inspection of li's (or of `lead`'s, with `co`, in the lead's towns) that two
   * devices of the safety supervisor decided from the same copy: one approved it, the other
   * returned it; the return won, the approval is logged.
   */
  async function conflictOnReview(lead: Device = li, co: Device = wang) {
    const inspection = await submittedInspection(
      t,
      lead,
      [co.userId],
      enterpriseFor(t.district, lead.username),
    );
    const { version } = await storedInspection(t, inspection.id);
    const a = await push(t.app, supervisor, [
      upsert('inspection', { ...inspection, review: decision('approved', '同意') }, version),
    ]);
    expect(a.results[0]?.status).toBe('applied');
    const b = await push(t.app, supervisorOther, [
      upsert('inspection', { ...inspection, review: decision('returned', '补充照片') }, version),
    ]);
    expect(b.results[0]?.status).toBe('conflict');
    const [conflict] = await listed(supervisor, inspection.id);
    if (!conflict) throw new Error('no conflict logged');
    expect(conflict.field).toBe('review');
    return {
      inspection,
      conflictId: conflict.id,
      town: conflict.town,
      keptVersion: b.results[0]?.version ?? 0,
    };
  }

  const resolve = (id: string, keep: string, device: Device = supervisor) =>
    postJson(t.app, `/api/v1/conflicts/${id}/resolve`, { keep }, bearer(device.token));

  const stored = <T>(entity: EntityName, id: string) => storedCopy<T>(t.db, entity, id);
  /** The conflict's row as stored: whether, how and by whom it was resolved. */
  const conflictRow = async (id: string) =>
    (
      await t.db.query<{ resolved: boolean; resolved_by: string | null; resolution: string }>(
        `SELECT resolved_at IS NOT NULL AS resolved, resolved_by::text AS resolved_by, resolution
         FROM conflicts WHERE id = $1::uuid`,
        [id],
      )
    )[0];
  const OPEN = { resolved: false, resolved_by: null, resolution: null };

  it("restores the overwritten decision as the resolver's own, once, and marks it in the history", async () => {
    const { inspection, conflictId } = await conflictOnReview();
    const first = await resolve(conflictId, 'losing');
    expect(first.statusCode, first.body).toBe(200);
    const afterFirst = await stored<Inspection>('inspection', inspection.id);
    // The decision restored is the resolver's, made now: its reviewer and time are the server's.
    expect(afterFirst?.data.review).toEqual({
      status: 'approved',
      comment: '同意',
      reviewerId: supervisor.userId,
      reviewedAt: TEST_NOW.toISOString(),
    });

    const restored = await recordState(t.db, 'inspection', inspection.id);
    const again = await resolve(conflictId, 'losing');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await stored('inspection', inspection.id))?.version).toBe(afterFirst?.version);
    expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(restored);
    const history = await t.db.query<{ user_id: string; conflict_id: string | null }>(
      `SELECT user_id::text AS user_id, conflict_id::text AS conflict_id FROM history
       WHERE id = $1::uuid AND device_id IS NULL`,
      [inspection.id],
    );
    expect(history).toEqual([{ user_id: supervisor.userId, conflict_id: conflictId }]);

    const different = await resolve(conflictId, 'kept');
    expect(different.statusCode).toBe(409);
    expect(errorBody(different)).toMatchObject({ error: 'already_resolved' });
    expect(errorBody(different).message).toMatch(/restored/);
    expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(restored);
    expect(await conflictRow(conflictId)).toEqual({
      resolved: true,
      resolved_by: supervisor.userId,
      resolution: 'losing',
    });
  });

  it('keeping the current value changes no record and sends nothing new to devices', async () => {
    const { inspection, conflictId, keptVersion } = await conflictOnReview();
    const before = await recordState(t.db, 'inspection', inspection.id);
    const res = await resolve(conflictId, 'kept');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      conflict: { id: conflictId, resolution: 'kept', resolvedBy: supervisor.userId },
    });
    const row = await stored<Inspection>('inspection', inspection.id);
    expect(row).toMatchObject({ version: keptVersion, data: { review: { comment: '补充照片' } } });
    // No new version (what a pull would send), no field moved and no history row.
    expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(before);
  });

  it('refuses to restore over a change made after the conflict, and still lets the current value be kept', async () => {
    const { inspection, conflictId, keptVersion } = await conflictOnReview();
    const later = await push(t.app, supervisorOther, [
      upsert('inspection', { ...inspection, review: decision('approved', '已补充') }, keptVersion),
    ]);
    expect(later.results[0]?.status).toBe('applied');
    const before = await recordState(t.db, 'inspection', inspection.id);
    const restore = await resolve(conflictId, 'losing');
    expect(restore.statusCode).toBe(409);
    expect(errorBody(restore)).toMatchObject({ error: 'changed_since' });
    expect((await stored<Inspection>('inspection', inspection.id))?.data.review.comment).toBe(
      '已补充',
    );
    expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(before);
    expect(await conflictRow(conflictId)).toEqual(OPEN);
    const keep = await resolve(conflictId, 'kept');
    expect(keep.statusCode, keep.body).toBe(200);
  });

  it('restoring the overwritten value reaches devices through the normal pull', async () => {
    const { inspection, conflictId } = await conflictOnReview();
    const before = await getAs(t.app, '/api/v1/sync/pull?limit=1000', li.token);
    let cursor = before.json<{ cursor: string; hasMore: boolean }>().cursor;
    for (let more = before.json<{ hasMore: boolean }>().hasMore; more;) {
      const page = await getAs(
        t.app,
        `/api/v1/sync/pull?limit=1000&cursor=${encodeURIComponent(cursor)}`,
        li.token,
      );
      ({ cursor, hasMore: more } = page.json<{ cursor: string; hasMore: boolean }>());
    }
    expect((await resolve(conflictId, 'losing')).statusCode).toBe(200);
    const next = await getAs(
      t.app,
      `/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}`,
      li.token,
    );
    const changes = next.json<{ changes: { id: string; data: Inspection | null }[] }>().changes;
    expect(
      changes.filter((c) => c.id === inspection.id).map((c) => c.data?.review.comment),
    ).toEqual(['同意']);
  });

  it('refuses inspectors, and conflicts that do not exist', async () => {
    const { inspection, conflictId } = await conflictOnReview();
    const before = await recordState(t.db, 'inspection', inspection.id);
    const byInspector = await resolve(conflictId, 'losing', li);
    expect(byInspector.statusCode).toBe(403);
    expect((await getAs(t.app, '/api/v1/conflicts', li.token)).statusCode).toBe(403);
    const unknown = await resolve('0197a000-0000-7000-8000-00000000dead', 'kept');
    expect(unknown.statusCode).toBe(404);
    expect(await conflictRow(conflictId)).toEqual(OPEN);
    expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(before);
  });

  it("shows and resolves an inspection's conflict only for supervisors of its agencies, not the other agency's nor administrators", async () => {
    const { inspection, conflictId } = await conflictOnReview();
    const before = await recordState(t.db, 'inspection', inspection.id);
    for (const outsider of [envSupervisor, admin]) {
      expect(await listed(outsider, inspection.id)).toEqual([]);
      for (const keep of ['losing', 'kept']) {
        const res = await resolve(conflictId, keep, outsider);
        expect(res.statusCode, `${outsider.username} ${keep}`).toBe(404);
      }
    }
    expect(await recordState(t.db, 'inspection', inspection.id)).toEqual(before);
    expect(await conflictRow(conflictId)).toEqual(OPEN);
  });

  it("shows and resolves only the conflicts of a supervisor's own towns", async () => {
    // Both of the safety bureau: li's in the development zone, wang's in a town of his.
    const mine = await conflictOnReview(li, wang);
    const elsewhere = await conflictOnReview(wang, li);
    if (!mine.town || !elsewhere.town) throw new Error('a conflict was logged without its town');
    expect(elsewhere.town).not.toBe(mine.town);

    // A supervisor of the safety bureau for the town of li's conflict only, created as an
    // administrator does (both demo supervisors cover every town).
    const bureau = t.district.users.find((u) => u.record.username === 'supervisor.safety');
    const io = { out: () => undefined, err: (line: string) => console.error(line), env: {} };
    const args = parseOrExplain(
      [
        'create-user',
        '--username',
        'supervisor.town',
        '--display-name',
        '镇级监督员',
        '--role',
        'supervisor',
        '--agency',
        String(bureau?.record.agencyId),
        '--jurisdiction',
        mine.town,
        '--password',
        'town-supervisor',
      ],
      io,
    );
    if (typeof args === 'number') throw new Error('create-user arguments refused');
    expect(await runAdminCommand(args, io, { db: t.db, clock: () => TEST_NOW })).toBe(0);
    const narrow = await login(t.app, 'supervisor.town', 'town-supervisor');
    const [created] = await t.db.query<{ id: string }>(
      `SELECT id::text AS id FROM records WHERE entity = 'user' AND data->>'username' = $1`,
      ['supervisor.town'],
    );
    const narrowId = created?.id;

    const list = (token: string) =>
      getAs(t.app, '/api/v1/conflicts?status=all&limit=500', token).then(
        (res) => res.json<{ conflicts: Listed[] }>().conflicts,
      );
    const everyTown = (await list(supervisor.token)).map((c) => c.id);
    expect(everyTown).toEqual(expect.arrayContaining([mine.conflictId, elsewhere.conflictId]));
    const seen = await list(narrow.token);
    expect(seen.map((c) => c.id)).toContain(mine.conflictId);
    expect(seen.map((c) => c.id)).not.toContain(elsewhere.conflictId);
    expect(new Set(seen.map((c) => c.town))).toEqual(new Set([mine.town]));

    // Another town's conflict is not there to resolve, either way, and stays as it was.
    const before = await recordState(t.db, 'inspection', elsewhere.inspection.id);
    for (const keep of ['losing', 'kept']) {
      const outside = await resolve(elsewhere.conflictId, keep, { ...supervisor, ...narrow });
      expect(outside.statusCode, keep).toBe(404);
      expect(errorBody(outside).error).toBe('not_found');
    }
    expect(await conflictRow(elsewhere.conflictId)).toEqual(OPEN);
    expect(await recordState(t.db, 'inspection', elsewhere.inspection.id)).toEqual(before);

    // Their own town's conflict they resolve: the approval restored as their own decision.
    const inside = await postJson(
      t.app,
      `/api/v1/conflicts/${mine.conflictId}/resolve`,
      { keep: 'losing' },
      bearer(narrow.token),
    );
    expect(inside.statusCode, inside.body).toBe(200);
    expect((await stored<Inspection>('inspection', mine.inspection.id))?.data.review).toEqual({
      status: 'approved',
      comment: '同意',
      reviewerId: narrowId,
      reviewedAt: TEST_NOW.toISOString(),
    });
    expect(await conflictRow(mine.conflictId)).toEqual({
      resolved: true,
      resolved_by: narrowId,
      resolution: 'losing',
    });
  });

  it('refuses with its refusal code a restore the resolver could not push, and stores nothing', async () => {
    // Two devices of li's change a hazard's title from the same copy; then li submits the
    // inspection, which locks the hazard.
    const draft = await completeDraft(t, li, [wang.userId], enterpriseFor(t.district, li.username));
    const hazard = newFinding(draft, { title: '原标题' });
    const made = await push(t.app, li, [upsert('inspection', draft), upsert('finding', hazard)]);
    const base = made.results[1]?.version ?? 0;
    await push(t.app, li, [upsert('finding', { ...hazard, title: '甲的标题' }, base)]);
    const b = await push(t.app, liOther, [
      upsert('finding', { ...hazard, title: '乙的标题' }, base),
    ]);
    expect(b.results[0]?.status).toBe('conflict');
    const [conflict] = await listed(supervisor, hazard.id);
    if (!conflict) throw new Error('no conflict logged');

    // A supervisor may not write a hazard's content at all: refused as a push would be.
    const draftState = await recordState(t.db, 'finding', hazard.id);
    const refused = await resolve(conflict.id, 'losing');
    expect(refused.statusCode).toBe(409);
    expect(errorBody(refused)).toMatchObject({ error: 'rectificationOnly' });
    expect(await recordState(t.db, 'finding', hazard.id)).toEqual(draftState);

    const submitted = await push(t.app, li, [
      upsert('inspection', { ...draft, status: 'submitted', finishedAt: FINISHED_AT }, 0),
    ]);
    expect(submitted.results[0]?.status).toBe('applied');
    const before = await stored<Finding>('finding', hazard.id);
    const lockedState = await recordState(t.db, 'finding', hazard.id);
    // Locked now: the lock is checked first, for every role, as on a push.
    const locked = await resolve(conflict.id, 'losing');
    expect(locked.statusCode).toBe(409);
    expect(errorBody(locked)).toMatchObject({
      error: 'submittedLocked',
      message: expect.stringMatching(/amendment/),
    });
    expect(await recordState(t.db, 'finding', hazard.id)).toEqual(lockedState);
    expect(before?.data.title).toBe('乙的标题');
    expect(await conflictRow(conflict.id)).toEqual(OPEN);
    const history = await t.db.query('SELECT 1 FROM history WHERE conflict_id = $1::uuid', [
      conflict.id,
    ]);
    expect(history).toEqual([]);
  });

  it('leaves the conflicts of records only administrators write to administrators', async () => {
    const adminOther = await signIn(t.app, t.district, 'admin');
    const enterprise = t.district.enterprises[3] as Enterprise;
    const current = await stored<Enterprise>('enterprise', enterprise.id);
    const base = current?.version ?? 0;
    await push(t.app, admin, [
      upsert('enterprise', { ...current?.data, name: '甲名称' } as Enterprise, base),
    ]);
    const b = await push(t.app, adminOther, [
      upsert('enterprise', { ...current?.data, name: '乙名称' } as Enterprise, base),
    ]);
    expect(b.results[0]?.status).toBe('conflict');
    expect(await listed(supervisor, enterprise.id)).toEqual([]);
    const [conflict] = await listed(admin, enterprise.id);
    if (!conflict) throw new Error('no conflict logged');
    expect((await resolve(conflict.id, 'losing', supervisor)).statusCode).toBe(404);
    const restored = await resolve(conflict.id, 'losing', admin);
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await stored<Enterprise>('enterprise', enterprise.id))?.data.name).toBe('甲名称');
  });
});
