import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/schemas/finding';
import type { DemoApp } from '../support/demo-app';
import { parseOrExplain, runAdminCommand } from '../../server/src/admin/commands';
import { TEST_NOW, bearer, demoApp, errorBody, getAs, login, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { push, pushNewFinding, signIn, upsert } from '../support/push-fixtures';
import { recordState, storedRecord } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('conflict resolution on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let other: Device;
  let supervisor: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    other = await signIn(t.app, t.district, 'inspector.li');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
  });
  afterAll(() => t.close());

  /**
   * A finding whose title two devices (of li's, unless given) changed from the same base: one
   * open conflict, in the town of the first device's user.
   */
  async function conflictOnTitle(first: Device = li, second: Device = other) {
    const { finding, findingVersion: base } = await pushNewFinding(t.app, t.district, first, {
      title: '原标题',
    });
    await push(t.app, first, [upsert('finding', { ...finding, version: base, title: '甲的标题' })]);
    const b = await push(t.app, second, [
      upsert('finding', { ...finding, version: base, title: '乙的标题' }),
    ]);
    expect(b.results[0]?.status).toBe('conflict');
    const list = await getAs(t.app, '/api/v1/conflicts?status=open&limit=500', supervisor.token);
    const conflict = list
      .json<{ conflicts: { id: string; recordId: string; town: string | null }[] }>()
      .conflicts.find((c) => c.recordId === finding.id);
    if (!conflict) throw new Error('no conflict logged');
    return {
      finding,
      conflictId: conflict.id,
      town: conflict.town,
      keptVersion: b.results[0]?.version ?? 0,
    };
  }

  /** The conflict's row as stored: whether and how it was resolved. */
  const conflictRow = async (id: string) =>
    (
      await t.db.query<{ resolved_at: unknown; resolved_by: string | null; resolution: string }>(
        'SELECT resolved_at, resolved_by::text AS resolved_by, resolution FROM conflicts WHERE id = $1::uuid',
        [id],
      )
    )[0];
  const OPEN = { resolved_at: null, resolved_by: null, resolution: null };

  const resolve = (id: string, keep: string, device: Device = supervisor) =>
    postJson(t.app, `/api/v1/conflicts/${id}/resolve`, { keep }, bearer(device.token));

  const stored = (id: string) => storedRecord<Finding>(t.db, 'finding', id);

  it('answers the same choice sent twice with the first answer and changes nothing more', async () => {
    const { finding, conflictId } = await conflictOnTitle();
    const first = await resolve(conflictId, 'losing');
    expect(first.statusCode, first.body).toBe(200);
    const afterFirst = await stored(finding.id);
    expect(afterFirst?.data.title).toBe('甲的标题');

    const again = await resolve(conflictId, 'losing');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect((await stored(finding.id))?.version).toBe(afterFirst?.version);
    const history = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM history WHERE id = $1::uuid AND device_id IS NULL',
      [finding.id],
    );
    expect(history[0]?.n).toBe(1);

    const different = await resolve(conflictId, 'kept');
    expect(different.statusCode).toBe(409);
    expect(errorBody(different)).toMatchObject({ error: 'already_resolved' });
    expect(errorBody(different).message).toMatch(/restored/);
  });

  it('keeping the current value changes no record and sends nothing new to devices', async () => {
    const { finding, conflictId, keptVersion } = await conflictOnTitle();
    const before = await recordState(t.db, 'finding', finding.id);
    const res = await resolve(conflictId, 'kept');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      conflict: { id: conflictId, resolution: 'kept', resolvedBy: supervisor.userId },
    });
    const row = await stored(finding.id);
    expect(row).toMatchObject({ version: keptVersion, data: { title: '乙的标题' } });
    // No new version (what a pull would send) and no history row.
    expect(await recordState(t.db, 'finding', finding.id)).toEqual(before);
  });

  it('refuses to restore over a change made after the conflict, and still lets the current value be kept', async () => {
    const { finding, conflictId, keptVersion } = await conflictOnTitle();
    await push(t.app, other, [
      upsert('finding', { ...finding, version: keptVersion, title: '之后又改的标题' }),
    ]);
    const restore = await resolve(conflictId, 'losing');
    expect(restore.statusCode).toBe(409);
    expect(errorBody(restore)).toMatchObject({ error: 'changed_since' });
    expect((await stored(finding.id))?.data.title).toBe('之后又改的标题');
    const keep = await resolve(conflictId, 'kept');
    expect(keep.statusCode, keep.body).toBe(200);
  });

  it('restoring the overwritten value reaches devices through the normal pull', async () => {
    const { finding, conflictId } = await conflictOnTitle();
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
    const changes = next.json<{ changes: { id: string; data: Finding | null }[] }>().changes;
    expect(changes.filter((c) => c.id === finding.id).map((c) => c.data?.title)).toEqual([
      '甲的标题',
    ]);
  });

  it('refuses inspectors, and conflicts that do not exist', async () => {
    const { finding, conflictId } = await conflictOnTitle();
    const before = await recordState(t.db, 'finding', finding.id);
    const byInspector = await resolve(conflictId, 'losing', li);
    expect(byInspector.statusCode).toBe(403);
    expect((await getAs(t.app, '/api/v1/conflicts', li.token)).statusCode).toBe(403);
    const unknown = await resolve('0197a000-0000-7000-8000-00000000dead', 'kept');
    expect(unknown.statusCode).toBe(404);
    expect(await conflictRow(conflictId)).toEqual(OPEN);
    expect(await recordState(t.db, 'finding', finding.id)).toEqual(before);
  });

  it("shows and resolves only the conflicts of a supervisor's own towns", async () => {
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const wangAgain = await signIn(t.app, t.district, 'inspector.wang');
    const mine = await conflictOnTitle();
    const elsewhere = await conflictOnTitle(wang, wangAgain);
    if (!mine.town || !elsewhere.town) throw new Error('a conflict was logged without its town');
    expect(elsewhere.town).not.toBe(mine.town);

    // A supervisor of the same bureau as supervisor.safety, for the town of li's conflict only.
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

    const list = (token: string) =>
      getAs(t.app, '/api/v1/conflicts?status=all&limit=500', token).then(
        (res) => res.json<{ conflicts: { id: string; town: string | null }[] }>().conflicts,
      );
    const everyTown = (await list(supervisor.token)).map((c) => c.id);
    expect(everyTown).toEqual(expect.arrayContaining([mine.conflictId, elsewhere.conflictId]));
    const seen = await list(narrow.token);
    expect(seen.map((c) => c.id)).toContain(mine.conflictId);
    expect(new Set(seen.map((c) => c.town))).toEqual(new Set([mine.town]));

    // Another town's conflict is not there to resolve, and stays as it was.
    const before = await recordState(t.db, 'finding', elsewhere.finding.id);
    const outside = await postJson(
      t.app,
      `/api/v1/conflicts/${elsewhere.conflictId}/resolve`,
      { keep: 'losing' },
      bearer(narrow.token),
    );
    expect(outside.statusCode).toBe(404);
    expect(errorBody(outside).error).toBe('not_found');
    expect(await conflictRow(elsewhere.conflictId)).toEqual(OPEN);
    expect(await recordState(t.db, 'finding', elsewhere.finding.id)).toEqual(before);

    // Their own town's conflict they resolve.
    const inside = await postJson(
      t.app,
      `/api/v1/conflicts/${mine.conflictId}/resolve`,
      { keep: 'losing' },
      bearer(narrow.token),
    );
    expect(inside.statusCode, inside.body).toBe(200);
    expect((await stored(mine.finding.id))?.data.title).toBe('甲的标题');
  });
});
