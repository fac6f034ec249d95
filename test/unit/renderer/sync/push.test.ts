import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { NetworkError } from '../../../../renderer/src/sync/errors';
import { pushOutbox } from '../../../../renderer/src/sync/push';
import type { PushProgress } from '../../../../renderer/src/sync/push';
import { fakeFetch, json } from '../support/fake-hq';
import type { RecordedRequest } from '../support/fake-hq';
import { fakeSyncServer } from '../support/fake-sync-server';
import { makeFinding, newId } from '../../../support/record-fixtures';
import { queuedRows } from '../../../support/queued-rows';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

/** `before` runs as each request reaches the server, before it is answered. */
function setup(before?: (request: RecordedRequest) => Promise<void>) {
  const server = fakeSyncServer();
  const hq = fakeFetch(async (request) => {
    await before?.(request);
    return server.handle(request);
  });
  const client = createApiClient({
    serverUrl: 'https://hq.test',
    token: 'x'.repeat(40),
    fetch: hq.fetch,
  });
  return { server, client, requests: hq.requests };
}

async function queue(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = makeFinding({ version: 0, title: `hazard ${i}` });
    ids.push(f.id);
    await writeLocal(db, 'finding', f);
  }
  return ids;
}

describe('pushOutbox', { timeout: 30_000 }, () => {
  it('pushes the whole queue in batches of at most 500, mids without gaps, and empties it', async () => {
    const { server, client, requests } = setup();
    const deviceId = newId();
    await queue(520);
    const seen: PushProgress[] = [];
    const counts = await pushOutbox({ client, db, deviceId, onProgress: (p) => seen.push(p) });
    expect(counts.applied).toBe(520);
    const pushes = requests.filter((r) => r.url.pathname.endsWith('/sync/push'));
    expect(pushes.map((r) => (r.body as { mutations: unknown[] }).mutations.length)).toEqual([
      500, 20,
    ]);
    expect(server.applied.map((m) => m.mid)).toEqual(Array.from({ length: 520 }, (_, i) => i + 1));
    expect(await db.outbox.count()).toBe(0);
    expect(seen.at(-1)).toEqual({ done: 520, total: 520 });
  });

  it('counts edits made while it runs into the total: new records add to it, an edit of an unsent one does not', async () => {
    const deviceId = newId();
    // The second batch (rows 501 to 1,000) is taken while the first travels: 1,100 rows leave the
    // last one unsent, so that its edit changes its row instead of queueing one more.
    const ids = await queue(1100);
    let edited = false;
    const { server, client } = setup(async (request) => {
      if (edited || !request.url.pathname.endsWith('/sync/push')) return;
      edited = true;
      const unsent = await db.findings.get(ids[1099]!);
      await writeLocal(db, 'finding', { ...unsent!, title: 'edited while syncing' });
      for (let i = 0; i < 3; i++) {
        await writeLocal(db, 'finding', makeFinding({ version: 0, title: `new ${i}` }));
      }
    });
    const seen: PushProgress[] = [];
    const counts = await pushOutbox({ client, db, deviceId, onProgress: (p) => seen.push(p) });

    expect(counts.applied).toBe(1103);
    expect(seen[0]).toEqual({ done: 0, total: 1100 });
    expect(seen[1]).toEqual({ done: 500, total: 1103 });
    expect(seen.at(-1)).toEqual({ done: 1103, total: 1103 });
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
    const last = server.applied.find((m) => m.id === ids[1099]);
    expect((last?.data as { title?: string } | undefined)?.title).toBe('edited while syncing');
  });

  it('after a dropped answer, resends the same mids and the server answers duplicate: nothing twice', async () => {
    const { server, client, requests } = setup();
    const deviceId = newId();
    const ids = await queue(3);
    server.dropNextAnswer = true;
    await expect(pushOutbox({ client, db, deviceId })).rejects.toBeInstanceOf(NetworkError);
    expect(await db.outbox.count()).toBe(3);
    await queue(1);

    const counts = await pushOutbox({ client, db, deviceId });
    expect(counts).toMatchObject({ duplicate: 3, applied: 1 });
    const [first, second] = requests.map((r) => r.body as { mutations: { mid: number }[] });
    expect(second!.mutations.slice(0, 3)).toEqual(first!.mutations);
    expect(server.applied.map((m) => m.mid)).toEqual([1, 2, 3, 4]);
    expect(server.applied.slice(0, 3).map((m) => m.id)).toEqual(ids);
    expect(await db.outbox.count()).toBe(0);
  });

  it('never lets a refused mutation block the ones after it', async () => {
    const { server, client } = setup();
    const deviceId = newId();
    const ids = await queue(3);
    server.decide = (m) =>
      m.id === ids[0]
        ? { status: 'rejected', error: 'forbidden' }
        : { status: 'applied', version: 5 };
    const counts = await pushOutbox({ client, db, deviceId });
    expect(counts).toMatchObject({ rejected: 1, applied: 2 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.rejected.toArray()).map((r) => [r.id, r.reason])).toEqual([
      [ids[0], 'forbidden'],
    ]);
    await queue(1);
    await pushOutbox({ client, db, deviceId });
    expect(server.applied.map((m) => m.mid)).toEqual([2, 3, 4]);
  });

  it('numbers again after the server’s last mid when it refuses a gap (a restored server)', async () => {
    const { server, client } = setup();
    const deviceId = newId();
    await queue(2);
    await pushOutbox({ client, db, deviceId });
    // Restored from a backup: the server lost mid 2 and everything after it.
    server.lastMid.set(deviceId, 1);
    server.results.delete(`${deviceId}:2`);
    await queue(1);
    await pushOutbox({ client, db, deviceId });
    expect(server.applied.map((m) => m.mid)).toEqual([1, 2, 2]);
    expect(server.lastMid.get(deviceId)).toBe(2);
  });

  it('renumbers unanswered mids after a gap too, and does not renumber on another 409', async () => {
    const { server, client, requests } = setup();
    const deviceId = newId();
    await queue(2);
    await pushOutbox({ client, db, deviceId });
    const unanswered = await queue(2);
    server.dropNextAnswer = true;
    await expect(pushOutbox({ client, db, deviceId })).rejects.toBeInstanceOf(NetworkError);
    // Restored from a backup taken after mid 1: mids 3 and 4, still unanswered, now leave a gap.
    server.lastMid.set(deviceId, 1);
    server.applied.length = 1;
    for (const mid of [2, 3, 4]) server.results.delete(`${deviceId}:${mid}`);
    const counts = await pushOutbox({ client, db, deviceId });
    expect(counts.applied).toBe(2);
    expect(server.applied.slice(1).map((m) => [m.mid, m.id])).toEqual([
      [2, unanswered[0]],
      [3, unanswered[1]],
    ]);
    expect(await db.outbox.count()).toBe(0);

    // A 409 that is not a gap (another schema version) leaves the numbering alone.
    const before = requests.length;
    const refuse = fakeFetch(() =>
      json(409, { error: 'schema_version_mismatch', message: 'update the app' }),
    );
    await queue(1);
    const stale = createApiClient({
      serverUrl: 'https://hq.test',
      token: 'x'.repeat(40),
      fetch: refuse.fetch,
    });
    await expect(pushOutbox({ client: stale, db, deviceId })).rejects.toMatchObject({
      code: 'schema_version_mismatch',
    });
    expect(refuse.requests).toHaveLength(1);
    expect((await queuedRows(db)).map((r) => r.mid)).toEqual([4]);
    expect(requests.length).toBe(before);
  });
});
