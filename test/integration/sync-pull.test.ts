import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSchema } from '../../domain/schemas/user';
import type { Change, PullResponse } from '../../domain/sync/protocol';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { encodeCursor, scopeFingerprint } from '../../server/src/sync/cursor';
import { writeRecords } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, login } from '../support/demo-app';
import { participationKeys, takesPart } from '../support/participation';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('GET /sync/pull on %s', (kind) => {
  let t: DemoApp;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await demoApp(kind);
    for (const { record } of t.district.users) {
      tokens.set(record.username, (await login(t.app, record.username)).token);
    }
  });
  afterAll(() => t.close());

  const pull = async (username: string, query = ''): Promise<PullResponse> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull${query}`,
      headers: bearer(tokens.get(username) ?? ''),
    });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json());
  };

  const pullAll = async (username: string, limit: number) => {
    const changes: Change[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await pull(username, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.changes.length).toBeLessThanOrEqual(limit);
      changes.push(...page.changes);
      cursor = page.cursor;
      pages++;
      if (!page.hasMore) return { changes, cursor, pages };
    }
  };

  const ids = (changes: Change[], entity: Change['entity']) =>
    changes
      .filter((c) => c.entity === entity)
      .map((c) => c.id)
      .sort();

  it('gives each inspector exactly the records of their towns and of the inspections they take part in', async () => {
    const inspectors = t.district.users.filter((u) => u.record.role === 'inspector');
    expect(inspectors.length).toBeGreaterThanOrEqual(4);
    const seen = new Set<string>();
    let outside = 0;
    for (const { record: user } of inspectors) {
      const { changes } = await pullAll(user.username, 1000);
      const mine = t.district.enterprises.filter((e) => user.jurisdiction.includes(e.town));
      const mineIds = new Set(mine.map((e) => e.id));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.length).toBeLessThan(t.district.enterprises.length);
      const taking = participationKeys(t.district, user.id);
      const expected = (entity: Change['entity'], inTown: { id: string }[]) =>
        [
          ...new Set([
            ...inTown.map((r) => r.id),
            ...[...taking]
              .filter((k) => k.startsWith(`${entity}/`))
              .map((k) => k.slice(entity.length + 1)),
          ]),
        ].sort();
      expect(ids(changes, 'enterprise')).toEqual(expected('enterprise', mine));
      expect(ids(changes, 'inspection')).toEqual(
        expected(
          'inspection',
          t.district.inspections.filter((i) => mineIds.has(i.enterpriseId)),
        ),
      );
      expect(ids(changes, 'finding')).toEqual(
        expected(
          'finding',
          t.district.findings.filter((f) => mineIds.has(f.enterpriseId)),
        ),
      );
      outside += t.district.inspections.filter(
        (i) => takesPart(i, user.id) && !mineIds.has(i.enterpriseId),
      ).length;
      // Each record once, though some are both of the user's towns and the user's inspections.
      const keys = changes.map((c) => `${c.entity}/${c.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      // Everyone signed in reads the agencies, users and templates.
      expect(ids(changes, 'agency')).toHaveLength(t.district.agencies.length);
      expect(ids(changes, 'user')).toHaveLength(t.district.users.length);
      expect(ids(changes, 'template')).toHaveLength(t.district.templates.length);
      seen.add(ids(changes, 'enterprise').join());
    }
    // The demo district has inspections with officers from other towns, and the jurisdictions
    // differ, so the inspectors do not all see the same district.
    expect(outside).toBeGreaterThan(0);
    expect(seen.size).toBe(inspectors.length);
  });

  it('gives the admin every record', async () => {
    const { changes } = await pullAll('admin', 1000);
    const d = t.district;
    expect(ids(changes, 'enterprise')).toEqual(d.enterprises.map((e) => e.id).sort());
    expect(changes).toHaveLength(
      d.towns.length +
        d.agencies.length +
        d.users.length +
        d.templates.length +
        d.enterprises.length +
        d.inspections.length +
        d.findings.length,
    );
  });

  it('pages with a small limit return every row exactly once, in version order', async () => {
    // Inspectors see records of their towns and of inspections elsewhere that they take part in.
    const inspectors = t.district.users.filter((u) => u.record.role === 'inspector');
    for (const username of ['admin', ...inspectors.map((u) => u.record.username)]) {
      const whole = await pullAll(username, 1000);
      const paged = await pullAll(username, 7);
      expect(paged.pages).toBeGreaterThan(3);
      const keys = paged.changes.map((c) => `${c.entity}/${c.id}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual(whole.changes.map((c) => `${c.entity}/${c.id}`).sort());
      const versions = paged.changes.map((c) => c.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
  });

  it('sends users with their public fields only', async () => {
    const { changes } = await pullAll('inspector.wang', 1000);
    const users = changes.filter((c) => c.entity === 'user');
    expect(users.length).toBe(t.district.users.length);
    // Every field the record holds is a public one, and every field it must have is there.
    const shape = userSchema.shape as Record<
      string,
      { safeParse: (v: unknown) => { success: boolean } }
    >;
    const required = Object.keys(shape).filter((k) => !shape[k]?.safeParse(undefined).success);
    for (const u of users) {
      const keys = Object.keys(u.data ?? {});
      expect(Object.keys(shape)).toEqual(expect.arrayContaining(keys));
      expect(keys).toEqual(expect.arrayContaining(required));
    }
    expect(JSON.stringify(changes)).not.toMatch(/scrypt|password_hash|passwordHash/);
  });

  it('answers from the cursor on: nothing new, then only a new write in scope', async () => {
    const li = t.district.users.find((u) => u.record.username === 'inspector.li')?.record;
    const { cursor } = await pullAll('inspector.li', 1000);
    const empty = await pull('inspector.li', `?cursor=${cursor}`);
    expect(empty).toMatchObject({ changes: [], hasMore: false });

    const template = t.district.enterprises[0];
    if (!li || !template) throw new Error('demo district without inspector.li or enterprises');
    const inTown = {
      ...template,
      id: '01900000-0000-7000-8000-00000000a001',
      town: li.jurisdiction[0] as string,
    };
    const elsewhere = t.district.enterprises.find((e) => !li.jurisdiction.includes(e.town));
    if (!elsewhere) throw new Error('every demo enterprise is in inspector.li’s towns');
    const outside = { ...elsewhere, id: '01900000-0000-7000-8000-00000000a002' };
    await t.db.transaction((tx) =>
      writeRecords(tx, [
        { entity: 'enterprise', data: outside },
        { entity: 'enterprise', data: inTown },
      ]),
    );
    const next = await pull('inspector.li', `?cursor=${empty.cursor}`);
    expect(next.changes.map((c) => c.id)).toEqual([inTown.id]);
    const admin = await pullAll('admin', 1000);
    expect(ids(admin.changes, 'enterprise')).toEqual(
      expect.arrayContaining([inTown.id, outside.id]),
    );
  });

  it('restarts from the beginning on a cursor from another epoch', async () => {
    const chen = t.district.users.find((u) => u.record.username === 'inspector.chen')?.record;
    if (!chen) throw new Error('the demo district has no inspector.chen');
    const fresh = await pull('inspector.chen', '?limit=1000');
    expect(fresh.reset).toBeUndefined();
    const foreign = encodeCursor('another-database-epoch', 999_999, scopeFingerprint(chen));
    const restarted = await pull('inspector.chen', `?limit=1000&cursor=${foreign}`);
    expect(restarted.changes.map((c) => c.id)).toEqual(fresh.changes.map((c) => c.id));
    expect(restarted.reset).toBe(true);
  });

  it('refuses a malformed cursor or limit with a 400 naming it', async () => {
    const token = tokens.get('inspector.chen') ?? '';
    for (const [query, path] of [
      ['?cursor=not-a-cursor', 'cursor'],
      [`?cursor=${Buffer.from('{"e":"x","v":-1}').toString('base64url')}`, 'cursor'],
      ['?cursor=%7B%7D', 'cursor'],
      ['?limit=0', 'limit'],
      ['?limit=5000', 'limit'],
      ['?limit=ten', 'limit'],
      ['?since=3', 'since'],
    ] as const) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/sync/pull${query}`,
        headers: bearer(token),
      });
      expect(res.statusCode, query).toBe(400);
      const body = errorBody(res);
      expect(
        body.issues?.map((i) => i.path),
        query,
      ).toContain(path);
      expect(body.message, query).toContain(path);
    }
  });

  it('requires a signed-in caller', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(res.statusCode).toBe(401);
    expect(errorBody(res).error).toBe('unauthorized');
  });

  it.runIf(kind === 'postgres')(
    'never skips a row committed after a later version was taken (concurrent writers)',
    async () => {
      const base = t.district.enterprises[1];
      if (!base) throw new Error('no enterprises');
      const a = { ...base, id: '01900000-0000-7000-8000-00000000b001' };
      const b = { ...base, id: '01900000-0000-7000-8000-00000000b002' };
      const start = await pullAll('admin', 1000);

      let releaseA!: () => void;
      const aMayCommit = new Promise<void>((resolve) => (releaseA = resolve));
      let aWrote!: () => void;
      const aHasWritten = new Promise<void>((resolve) => (aWrote = resolve));
      const txA = t.db.transaction(async (tx) => {
        await writeRecords(tx, [{ entity: 'enterprise', data: a }]);
        aWrote();
        await aMayCommit;
      });
      await aHasWritten;
      let bCommitted = false;
      const txB = t.db
        .transaction((tx) => writeRecords(tx, [{ entity: 'enterprise', data: b }]))
        .then(() => (bCommitted = true));
      // Wait until B is queued behind A's lock on the version counter. (Were versions a bare
      // sequence, B would commit first instead, and the pull below would then skip A.)
      while (!bCommitted) {
        const [row] = await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if ((row?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const during = await pull('admin', `?cursor=${start.cursor}`);
      releaseA();
      await txA;
      await txB;
      const after = await pull('admin', `?cursor=${during.cursor}`);
      expect([...during.changes, ...after.changes].map((c) => c.id)).toEqual([a.id, b.id]);
    },
  );
});
