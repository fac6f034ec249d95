// When an enterprise moves to another town, its inspections and findings move with it; pull
// tells the users who could see it only in the old town to remove it (a change with data null),
// gives it to the users of the new town, and gives it back with its data when it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise } from '../../domain/schemas/enterprise';
import type { User } from '../../domain/schemas/user';
import type { Change, PullResponse } from '../../domain/sync/protocol';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { staleScopeRepair } from '../../server/src/db/migration-3-scope-exits';
import { readRecord, takeVersions } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, login } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { addInspector, push, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const key = (c: { entity: string; id: string }) => `${c.entity}/${c.id}`;

describe.each(databaseKinds)('pull after a record leaves a user’s towns, on %s', (kind) => {
  let t: DemoApp;
  let admin: Device;
  const tokens = new Map<string, string>();
  // The moved enterprise, its old and new town, and the users around it.
  let enterprise: Enterprise;
  let oldTown: string;
  let newTown: string;
  let a: User; // sees the old town only
  let b: User; // sees the new town only
  let both: User; // sees both towns
  let neither: User; // sees neither town
  let moved: string[]; // the keys of the enterprise, its inspections and findings

  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, t.district, 'admin');
    for (const { record } of t.district.users) {
      tokens.set(record.username, (await login(t.app, record.username)).token);
    }
    const users = t.district.users.map((u) => u.record);
    const inspectors = users.filter((u) => u.role === 'inspector');
    const sees = (u: User, town: string) => u.jurisdiction.includes(town);
    const pick = () => {
      for (const e of t.district.enterprises) {
        const children = [
          ...t.district.inspections
            .filter((i) => i.enterpriseId === e.id)
            .map((i) => key({ entity: 'inspection', id: i.id })),
          ...t.district.findings
            .filter((f) => f.enterpriseId === e.id)
            .map((f) => key({ entity: 'finding', id: f.id })),
        ];
        if (!children.some((c) => c.startsWith('finding/'))) continue;
        // Users who take part in none of its inspections: they see it by their towns alone.
        const officers = new Set(
          t.district.inspections
            .filter((i) => i.enterpriseId === e.id)
            .flatMap((i) => [i.leadInspectorId, ...i.coInspectorIds]),
        );
        const bystanders = inspectors.filter((u) => !officers.has(u.id));
        for (const ia of bystanders.filter((u) => sees(u, e.town))) {
          for (const ib of bystanders.filter((u) => !sees(u, e.town))) {
            const town = ib.jurisdiction.find((x) => !sees(ia, x));
            const wide =
              town && users.find((u) => u.role !== 'admin' && sees(u, e.town) && sees(u, town));
            const far = t.district.enterprises.find((x) => x.town !== e.town && x.town !== town);
            if (town && wide && far) return { e, children, ia, ib, town, wide, far: far.town };
          }
        }
      }
      throw new Error('the demo district has no enterprise to move between two inspectors');
    };
    const found = pick();
    const stored = await readRecord(t.db, 'enterprise', found.e.id);
    if (!stored) throw new Error('the demo enterprise is not stored');
    enterprise = stored;
    oldTown = found.e.town;
    newTown = found.town;
    a = found.ia;
    b = found.ib;
    both = found.wide;
    // A new inspector of a third town, who therefore takes part in nothing yet.
    neither = await addInspector(t, admin, 'inspector.far', [found.far]);
    tokens.set(neither.username, (await login(t.app, neither.username)).token);
    moved = [key({ entity: 'enterprise', id: found.e.id })];
    moved.push(...found.children);
    expect(moved.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(() => t.close());

  const pull = async (username: string, cursor: string | undefined, limit: number) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: bearer(tokens.get(username) ?? ''),
    });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json()) as PullResponse;
  };

  const pullAll = async (username: string, from: string | undefined, limit = 1000) => {
    const changes: Change[] = [];
    let cursor = from;
    for (;;) {
      const page = await pull(username, cursor, limit);
      expect(page.changes.length).toBeLessThanOrEqual(limit);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor };
    }
  };

  /** What a device holds after applying `changes` in order: key → data (null: removed). */
  const fold = (changes: Change[], into = new Map<string, Change['data']>()) => {
    for (const c of changes) into.set(key(c), c.data);
    return into;
  };

  const moveTo = async (town: string) => {
    const current = await readRecord(t.db, 'enterprise', enterprise.id);
    if (!current) throw new Error('the enterprise is gone');
    const res = await push(t.app, admin, [upsert('enterprise', { ...current, town })]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
  };

  it('removes the record and its inspections and findings from the users who no longer see it', async () => {
    const names = [a, b, both, neither, { username: 'admin' }].map((u) => u.username);
    const before = new Map<string, { cursor: string; held: Map<string, Change['data']> }>();
    for (const name of names) {
      const { changes, cursor } = await pullAll(name, undefined);
      before.set(name, { cursor, held: fold(changes) });
    }
    const cursorOf = (name: string) => before.get(name)?.cursor;
    // A and the user who sees both towns hold the enterprise and its children; B and the
    // unrelated inspector do not.
    for (const k of moved) {
      expect(before.get(a.username)?.held.get(k)).toBeTruthy();
      expect(before.get(both.username)?.held.get(k)).toBeTruthy();
      expect(before.get(b.username)?.held.has(k)).toBe(false);
      expect(before.get(neither.username)?.held.has(k)).toBe(false);
    }

    await moveTo(newTown);

    const forA = await pullAll(a.username, cursorOf(a.username));
    expect(forA.changes.map(key).sort()).toEqual([...moved].sort());
    expect(forA.changes.every((c) => c.data === null)).toBe(true);
    const versions = forA.changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));

    const forB = await pullAll(b.username, cursorOf(b.username));
    expect(forB.changes.map(key).sort()).toEqual([...moved].sort());
    for (const c of forB.changes) {
      expect(c.data).toMatchObject({ id: c.id, version: c.version });
      if (c.entity === 'enterprise') expect(c.data).toMatchObject({ town: newTown });
    }
    // Each removal A gets is at the version B gets the record at.
    expect(new Map(forA.changes.map((c) => [key(c), c.version]))).toEqual(
      new Map(forB.changes.map((c) => [key(c), c.version])),
    );

    // Still in scope for who sees both towns, and for the admin: the records, never a removal.
    for (const name of [both.username, 'admin']) {
      const { changes } = await pullAll(name, cursorOf(name));
      expect(changes.map(key).sort(), name).toEqual([...moved].sort());
      expect(
        changes.every((c) => c.data !== null),
        name,
      ).toBe(true);
    }
    expect((await pullAll(neither.username, cursorOf(neither.username))).changes).toEqual([]);

    // Small pages neither skip nor repeat, from the cursor or from scratch.
    for (const name of [a.username, b.username, both.username]) {
      const whole = await pullAll(name, cursorOf(name));
      const fresh = await pullAll(name, undefined);
      for (const limit of [1, 2, 3]) {
        const paged = await pullAll(name, cursorOf(name), limit);
        expect(paged.changes, `${name} limit ${limit}`).toEqual(whole.changes);
      }
      const pagedFresh = await pullAll(name, undefined, 9);
      expect(pagedFresh.changes, `${name} from scratch`).toEqual(fresh.changes);
      const keys = pagedFresh.changes.map(key);
      expect(new Set(keys).size).toBe(keys.length);
      // A device that starts now ends up holding exactly what its user sees.
      const held = fold(fresh.changes);
      const seesIt = name !== a.username;
      for (const k of moved) expect(Boolean(held.get(k)), `${name} ${k}`).toBe(seesIt);
    }

    // The record comes back: A gets it with its data again, B gets the removals.
    const afterMove = new Map<string, string>();
    for (const name of names) afterMove.set(name, (await pullAll(name, cursorOf(name))).cursor);
    await moveTo(oldTown);
    const back = await pullAll(a.username, afterMove.get(a.username));
    expect(back.changes.map(key).sort()).toEqual([...moved].sort());
    for (const c of back.changes) expect(c.data).toMatchObject({ id: c.id, version: c.version });
    const held = fold(back.changes, fold(forA.changes, before.get(a.username)?.held));
    for (const k of moved) expect(held.get(k)).toBeTruthy();

    const gone = await pullAll(b.username, afterMove.get(b.username));
    expect(gone.changes.map(key).sort()).toEqual([...moved].sort());
    expect(gone.changes.every((c) => c.data === null)).toBe(true);
    expect((await pullAll(neither.username, afterMove.get(neither.username))).changes).toEqual([]);
    const wide = await pullAll(both.username, afterMove.get(both.username));
    expect(wide.changes.map(key).sort()).toEqual([...moved].sort());
    expect(wide.changes.every((c) => c.data !== null)).toBe(true);

    // From scratch, A's device ends with the records and B's without them.
    const freshA = fold((await pullAll(a.username, undefined, 5)).changes);
    const freshB = fold((await pullAll(b.username, undefined, 5)).changes);
    for (const k of moved) {
      expect(freshA.get(k)).toBeTruthy();
      expect(freshB.get(k) ?? null).toBeNull();
    }
  });

  it('repairs an enterprise moved before scope exits existed: its records follow it', async () => {
    const names = [a.username, b.username, neither.username, 'admin'];
    const cursors = new Map<string, string>();
    for (const name of names) cursors.set(name, (await pullAll(name, undefined)).cursor);
    // What a move did before: only the enterprise row changed town.
    await t.db.transaction(async (tx) => {
      const version = await takeVersions(tx, 1);
      await tx.query(
        `UPDATE records SET town = $1, version = $2,
           data = jsonb_set(jsonb_set(data, '{town}', to_jsonb($1::text)), '{version}', to_jsonb($2::bigint))
         WHERE entity = 'enterprise' AND id = $3::uuid`,
        [newTown, version, enterprise.id],
      );
    });
    const enterpriseKey = key({ entity: 'enterprise', id: enterprise.id });
    for (const name of [b.username, 'admin']) {
      const { changes, cursor } = await pullAll(name, cursors.get(name));
      expect(changes.map(key)).toEqual([enterpriseKey]);
      cursors.set(name, cursor);
    }
    await t.db.transaction(async (tx) => {
      for (const statement of staleScopeRepair) await tx.query(statement);
    });

    const forA = await pullAll(a.username, cursors.get(a.username));
    expect(forA.changes.map(key).sort()).toEqual([...moved].sort());
    expect(forA.changes.every((c) => c.data === null)).toBe(true);
    const children = moved.filter((k) => k !== enterpriseKey).sort();
    for (const name of [b.username, 'admin']) {
      const { changes } = await pullAll(name, cursors.get(name), 2);
      expect(changes.map(key).sort(), name).toEqual(children);
      expect(changes.every((c) => c.data !== null)).toBe(true);
    }
    expect((await pullAll(neither.username, cursors.get(neither.username))).changes).toEqual([]);
    // Nothing is left to repair.
    const [row] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records c JOIN records e
         ON e.entity = 'enterprise' AND e.id::text = c.data->>'enterpriseId'
       WHERE c.entity IN ('inspection', 'finding') AND c.town IS DISTINCT FROM e.town`,
    );
    expect(row?.n).toBe(0);
  });
});
