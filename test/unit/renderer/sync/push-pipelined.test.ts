import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { takeBatch } from '../../../../renderer/src/db/outbox/take-batch';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { NetworkError } from '../../../../renderer/src/sync/errors';
import { pushOutbox } from '../../../../renderer/src/sync/push';
import { fakeFetch } from '../support/fake-hq';
import { fakeSyncServer } from '../support/fake-sync-server';
import { makeFinding, newId } from '../../../support/record-fixtures';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

async function queue(n: number) {
  for (let i = 0; i < n; i++) {
    await writeLocal(db, 'finding', makeFinding({ version: 0, title: `hazard ${i}` }));
  }
}

const limits = { maxMutations: 3, maxBytes: 1_000_000 };

describe('takeBatch after a batch still to be settled', { timeout: 30_000 }, () => {
  it('leaves out the rows of that batch and numbers the next ones after it', async () => {
    const deviceId = newId();
    await queue(7);
    const first = await takeBatch(db, deviceId, limits);
    const second = await takeBatch(db, deviceId, limits, 3);
    expect(first?.mutations.map((m) => m.mid)).toEqual([1, 2, 3]);
    expect(second?.mutations.map((m) => m.mid)).toEqual([4, 5, 6]);
    // Without the bound, the unanswered rows come first again, mids unchanged.
    expect((await takeBatch(db, deviceId, limits))?.mutations.map((m) => m.mid)).toEqual([1, 2, 3]);
  });
});

describe('pushOutbox with the next batch taken while one travels', { timeout: 30_000 }, () => {
  it('settles every answer received when a later request fails, and resends the rest once', async () => {
    const server = fakeSyncServer();
    let pushes = 0;
    let failOn = 3;
    const hq = fakeFetch((request) => {
      if (request.url.pathname.endsWith('/sync/push') && ++pushes === failOn) {
        throw new TypeError('the connection dropped');
      }
      return server.handle(request);
    });
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      token: 'x'.repeat(40),
      fetch: hq.fetch,
    });
    const deviceId = newId();
    await queue(10);

    await expect(pushOutbox({ client, db, deviceId, limits })).rejects.toBeInstanceOf(NetworkError);
    // Two answers came back and are settled; the third batch and the rest wait.
    expect(server.applied.map((m) => m.mid)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await db.outbox.count()).toBe(4);

    failOn = 0;
    const counts = await pushOutbox({ client, db, deviceId, limits });
    expect(counts).toMatchObject({ applied: 4, duplicate: 0 });
    expect(server.applied.map((m) => m.mid)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await db.outbox.count()).toBe(0);
  });
});
