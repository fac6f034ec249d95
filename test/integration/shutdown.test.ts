// Stopping the server within its bound, in process: a push batch still being applied when the
// bound comes has its connection cut and its transaction rolled back, even if its work returns
// afterwards; one that finishes in time is answered and stored whole. And the stoppable database
// on its own: after abort() statements fail and an open transaction rolls back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../domain/sync/protocol';
import { SCHEMA_VERSION, pushResponseSchema } from '../../domain/sync/protocol';
import { buildApp } from '../../server/src/app';
import type { AbortableDatabase } from '../../server/src/db/abortable';
import { DatabaseStoppedError, abortableDatabase } from '../../server/src/db/abortable';
import { shutDown } from '../../server/src/shutdown';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { enterpriseFor, newFinding, newInspection, signIn, upsert } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(databaseKinds)('shutting down on %s', (kind) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await demoApp(kind);
  });
  afterAll(() => t.close());

  /**
   * A listening app on the demo database whose pushes stop before committing until released.
   * Closing its database leaves the test's own handle open, to read the result with.
   */
  async function serving() {
    const reached = deferred();
    const release = deferred();
    const db = abortableDatabase({ ...t.db, close: async () => undefined });
    const app = await buildApp({
      db,
      clock: () => TEST_NOW,
      hooks: {
        beforePushCommit: async () => {
          reached.resolve();
          await release.promise;
        },
      },
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, db, url, reached, release };
  }

  function batchFor(device: Device): Mutation[] {
    const enterpriseId = enterpriseFor(t.district, device.username);
    return Array.from({ length: 20 }, () => newInspection(t.district, device.userId, enterpriseId))
      .flatMap((i) => [upsert('inspection', i), upsert('finding', newFinding(i))])
      .map((m, index) => ({ ...m, mid: index + 1 }));
  }

  function pushOver(url: string, device: Device, mutations: Mutation[]) {
    return fetch(`${url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ deviceId: device.deviceId, schemaVersion: SCHEMA_VERSION, mutations }),
    });
  }

  async function stored(device: Device, mutations: Mutation[]) {
    const [row] = await t.db.query<{ records: number; last: number }>(
      `SELECT (SELECT count(*)::int FROM records WHERE id IN
                 (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))) AS records,
              (SELECT last_mid::int FROM devices WHERE device_id = $2::uuid) AS last`,
      [JSON.stringify(mutations.map((m) => m.id)), device.deviceId],
    );
    return row;
  }

  it('cuts a push still running at the bound and rolls it back, even when its work returns later', async () => {
    const device = await signIn(t.app, t.district, 'inspector.li');
    const mutations = batchFor(device);
    const { app, db, url, reached, release } = await serving();
    const answer = pushOver(url, device, mutations).then(
      (res) => `answered ${res.status}`,
      () => 'connection lost',
    );
    await reached.promise;
    const stopping = shutDown(app, db, 2000);
    // The connection is cut when the bound nears; only then does the batch's work return.
    expect(await answer).toBe('connection lost');
    release.resolve();
    expect(await stopping).toEqual({ cut: 1, databaseClosed: true });
    expect(await stored(device, mutations)).toEqual({ records: 0, last: 0 });
  });

  it('answers and stores whole a push that finishes within the bound', async () => {
    const device = await signIn(t.app, t.district, 'inspector.chen');
    const mutations = batchFor(device);
    const { app, db, url, reached, release } = await serving();
    const answer = pushOver(url, device, mutations);
    await reached.promise;
    const stopping = shutDown(app, db, 10_000);
    // Nobody new gets in while it stops: refused, or turned away if already connecting.
    const late = await fetch(`${url}/api/v1/health`).then(
      (res) => res.status,
      () => 'refused',
    );
    expect(['refused', 503]).toContain(late);
    release.resolve();
    const res = await answer;
    expect(res.status).toBe(200);
    const { results } = pushResponseSchema.parse(await res.json());
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    expect(await stopping).toEqual({ cut: 0, databaseClosed: true });
    expect(await stored(device, mutations)).toEqual({
      records: mutations.length,
      last: mutations.length,
    });
  });

  it('refuses statements after abort and rolls back a transaction left open', async () => {
    const db: AbortableDatabase = abortableDatabase(t.db);
    await db.query('CREATE TABLE IF NOT EXISTS stop_probe (n integer)');
    const inside = deferred();
    const resume = deferred();
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO stop_probe VALUES (1)');
      inside.resolve();
      await resume.promise;
      return 'done';
    });
    await inside.promise;
    db.abort();
    let settled = false;
    const whenSettled = db.settled().then(() => (settled = true));
    expect(settled).toBe(false);
    resume.resolve();
    await expect(transaction).rejects.toThrow(DatabaseStoppedError);
    await whenSettled;
    await expect(db.query('SELECT 1')).rejects.toThrow(DatabaseStoppedError);
    await expect(db.transaction(async () => 'x')).rejects.toThrow(DatabaseStoppedError);
    expect(await t.db.query('SELECT n FROM stop_probe')).toEqual([]);
  });
});
