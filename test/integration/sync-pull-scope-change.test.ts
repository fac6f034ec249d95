// When an administrator changes a user's towns or role, the user's next pull starts over and
// says so (`reset`): it brings the older records of the towns gained, which the cursor was already
// past, and the device, driven by the renderer's real pull code on its own IndexedDB
// (fake-indexeddb), ends up holding exactly what the server sends for the new scope plus its own
// unsent change, even when the re-pull is interrupted half-way and resumed; once that change is
// sent and refused, not even it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityName } from '../../domain/schemas/entities';
import type { User } from '../../domain/schemas/user';
import type { Change, PullResponse } from '../../domain/sync/protocol';
import { pullResponseSchema } from '../../domain/sync/protocol';
import { entityTables, openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { writeLocal } from '../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { NetworkError } from '../../renderer/src/sync/errors';
import { pullAll } from '../../renderer/src/sync/pull';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { readRecord } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, login } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { push, signIn, upsert } from '../support/push-fixtures';
import { injectFetch } from '../support/inject-fetch';
import { participationKeys } from '../support/participation';
import { databaseKinds } from '../support/test-databases';

const key = (entity: string, id: string) => `${entity}/${id}`;
const versionOf = (cursor: string) =>
  (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: number }).v;

describe.each(databaseKinds)('pull after a user’s scope changes, on %s', (kind) => {
  let t: DemoApp;
  let admin: Device;
  let user: User;
  let token: string;
  let deviceId: string;
  let lost: string; // a town taken from the user
  let gained: string; // a town given to the user
  /** The keys of the enterprises, inspections and findings of each town. */
  const byTown = new Map<string, Set<string>>();
  let db: FieldInspectorDb;
  let client: ApiClient;
  /** Pull requests answered before the transport fails (Infinity: never). */
  let pullsLeft = Infinity;

  beforeAll(async () => {
    t = await demoApp(kind);
    admin = await signIn(t.app, t.district, 'admin');
    for (const e of t.district.enterprises) {
      let keys = byTown.get(e.town);
      if (!keys) byTown.set(e.town, (keys = new Set()));
      keys.add(key('enterprise', e.id));
      for (const i of t.district.inspections.filter((x) => x.enterpriseId === e.id)) {
        keys.add(key('inspection', i.id));
      }
      for (const f of t.district.findings.filter((x) => x.enterpriseId === e.id)) {
        keys.add(key('finding', f.id));
      }
    }
    const hasFindings = (town: string) =>
      [...(byTown.get(town) ?? [])].some((k) => k.startsWith('finding/'));
    const found = t.district.users
      .map((u) => u.record)
      .filter((u) => u.role === 'inspector' && u.jurisdiction.length >= 2)
      .flatMap((u) => {
        const out = u.jurisdiction.find(hasFindings);
        const into = [...byTown.keys()].find((x) => !u.jurisdiction.includes(x) && hasFindings(x));
        return out && into ? [{ u, out, into }] : [];
      })[0];
    if (!found) throw new Error('the demo district has no inspector to move between towns');
    ({ u: user, out: lost, into: gained } = found);
    const answer = await login(t.app, user.username);
    token = answer.token;
    deviceId = answer.deviceId;
    db = openUserDatabase(`${user.id}-scope-change-${kind}`);
    client = createApiClient({
      serverUrl: 'https://hq.test',
      token,
      fetch: injectFetch(
        () => t.app,
        (url) => {
          if (url.pathname.endsWith('/sync/pull') && pullsLeft-- <= 0) {
            throw new TypeError('fetch failed: the network went away');
          }
        },
      ),
    });
  });
  afterAll(async () => {
    db.close();
    await db.delete();
    await t.close();
  });

  const pull = async (cursor: string | undefined, limit = 1000): Promise<PullResponse> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sync/pull?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: bearer(token),
    });
    expect(res.statusCode, res.body).toBe(200);
    return pullResponseSchema.parse(res.json());
  };

  /** Every page from `cursor` on; what a device holds after them (key → data, null: removed). */
  const pullPages = async (cursor: string | undefined, limit = 1000) => {
    const pages: PullResponse[] = [];
    for (let next = cursor; ;) {
      const page = await pull(next, limit);
      pages.push(page);
      next = page.cursor;
      if (!page.hasMore) break;
    }
    const held = new Map<string, Change['data']>();
    for (const c of pages.flatMap((p) => p.changes)) held.set(key(c.entity, c.id), c.data);
    return { pages, held, cursor: pages.at(-1)?.cursor ?? '' };
  };

  const setUser = async (changes: Partial<User>) => {
    const current = await readRecord(t.db, 'user', user.id);
    if (!current) throw new Error('the user is gone');
    const res = await push(t.app, admin, [upsert('user', { ...current, ...changes })]);
    expect(res.results.map((r) => r.status)).toEqual(['applied']);
  };

  const deviceKeys = async () => {
    const keys = new Set<string>();
    for (const [entity, table] of Object.entries(entityTables)) {
      for (const id of await db.table(table).toCollection().primaryKeys()) {
        keys.add(key(entity as EntityName, String(id)));
      }
    }
    return keys;
  };

  it('restarts with reset, sends the towns gained and the device drops the towns lost', async () => {
    // What the user sees by taking part in inspections stays, whatever their towns.
    const taking = participationKeys(t.district, user.id);
    const lostKeys = new Set([...(byTown.get(lost) ?? [])].filter((k) => !taking.has(k)));
    const gainedKeys = new Set([...(byTown.get(gained) ?? [])].filter((k) => !taking.has(k)));
    await pullAll({ client, db, limit: 60 });
    const before = await deviceKeys();
    for (const k of lostKeys) expect(before.has(k), k).toBe(true);
    for (const k of gainedKeys) expect(before.has(k), k).toBe(false);
    const { cursor: oldCursor } = await pullPages(undefined);
    expect((await pull(oldCursor)).reset).toBeUndefined();

    // The device changes an inspection of the town it is about to lose and has not sent it yet.
    const inspectionId = [...lostKeys].find((k) => k.startsWith('inspection/'))?.split('/')[1];
    const inspection = inspectionId && (await db.inspections.get(inspectionId));
    if (!inspection) throw new Error('the device holds no inspection of the town lost');
    const edited = { ...inspection, enterpriseRep: { name: 'Written offline', title: 'unsent' } };
    await writeLocal(db, 'inspection', edited);

    // Reordering the towns changes nothing the user sees: no reset.
    await setUser({ jurisdiction: [...user.jurisdiction].reverse() });
    expect((await pull(oldCursor)).reset).toBeUndefined();

    const jurisdiction = [...user.jurisdiction.filter((x) => x !== lost), gained];
    await setUser({ jurisdiction });

    // The server: the first page says it starts over, the later ones do not; the re-pull brings
    // the gained town's records, all older than the cursor, and nothing of the town lost.
    const again = await pullPages(oldCursor, 5);
    expect(again.pages.length).toBeGreaterThan(4);
    expect(again.pages.map((p) => p.reset === true)).toEqual(again.pages.map((_, i) => i === 0));
    const gainedVersions = again.pages
      .flatMap((p) => p.changes)
      .filter((c) => gainedKeys.has(key(c.entity, c.id)))
      .map((c) => c.version);
    expect(gainedVersions.length).toBe(gainedKeys.size);
    expect(Math.max(...gainedVersions)).toBeLessThanOrEqual(versionOf(oldCursor));
    for (const k of gainedKeys) expect(again.held.get(k), k).toBeTruthy();
    for (const k of lostKeys) expect(again.held.get(k) ?? null, k).toBeNull();
    const fresh = await pullPages(undefined);
    expect(new Set(again.held.keys())).toEqual(new Set(fresh.held.keys()));
    expect((await pull(again.cursor)).reset).toBeUndefined();

    // The device's re-pull is interrupted half-way: nothing is removed yet.
    pullsLeft = 3;
    await expect(pullAll({ client, db, limit: 5 })).rejects.toBeInstanceOf(NetworkError);
    const midway = await deviceKeys();
    for (const k of lostKeys) expect(midway.has(k), k).toBe(true);

    // Resumed, it ends with exactly the server's records for the new towns and its own change.
    pullsLeft = Infinity;
    const resumed = await pullAll({ client, db, limit: 5 });
    expect(resumed.deleted).toBe(lostKeys.size - 1);
    const after = await deviceKeys();
    const expected = new Set([...fresh.held].filter(([, data]) => data !== null).map(([k]) => k));
    expected.add(key('inspection', edited.id));
    expect(after).toEqual(expected);
    expect(await db.inspections.get(edited.id)).toEqual(edited);
    expect(await db.outbox.where('[entity+id]').equals(['inspection', edited.id]).count()).toBe(1);
    expect(await db.repulled.count()).toBe(0);

    // The next pull is an ordinary one again: nothing to send, nothing removed.
    expect(await pullAll({ client, db, limit: 5 })).toEqual({ pages: 1, applied: 0, deleted: 0 });
    expect(await deviceKeys()).toEqual(expected);

    // The change is sent at last and refused (the town is no longer the user's): the device
    // forgets its cursor, pulls everything again and no longer holds the inspection either.
    const sync = await runSyncCycle({ client, db, deviceId, pullLimit: 5 });
    expect(sync.pushed.rejected).toBe(1);
    expect(await db.rejected.count()).toBe(1);
    expected.delete(key('inspection', edited.id));
    expect(await deviceKeys()).toEqual(expected);
  });

  it('restarts when the user becomes an admin and again when no longer one', async () => {
    const { cursor, held } = await pullPages(undefined);
    await setUser({ role: 'admin' });
    const everything = await pullPages(cursor);
    expect(everything.pages[0]?.reset).toBe(true);
    const all = [...byTown.values()].flatMap((keys) => [...keys]);
    for (const k of all) expect(everything.held.get(k), k).toBeTruthy();

    await setUser({ role: 'inspector' });
    const back = await pullPages(everything.cursor);
    expect(back.pages[0]?.reset).toBe(true);
    expect(new Set(back.held.keys())).toEqual(new Set(held.keys()));
  });
});
