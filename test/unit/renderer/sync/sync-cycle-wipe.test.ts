import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { runSyncCycle } from '../../../../renderer/src/sync/sync-cycle';
import { fakeFetch, json } from '../support/fake-hq';
import { fakeSyncServer } from '../support/fake-sync-server';
import { makeFinding, newId } from '../../../support/record-fixtures';
import { withTestDatabase } from '../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const clientOf = (fetch: typeof globalThis.fetch) =>
  createApiClient({ serverUrl: 'https://hq.test', token: 'x'.repeat(40), fetch });

describe('a wipe an administrator ordered', () => {
  it('is carried out after the device has pushed what it held, and reported the unsent count', async () => {
    const server = fakeSyncServer();
    server.wipeOrdered = true;
    const hq = fakeFetch((request) => server.handle(request));
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    const deviceId = newId();

    const result = await runSyncCycle({ client: clientOf(hq.fetch), db, deviceId });

    expect(server.applied).toHaveLength(2);
    expect(await countPending(db)).toBe(0);
    expect(server.wiped).toEqual([deviceId]);
    expect(result.wiped).toBe(true);
    // The push reported both changes; the pull, nothing left.
    expect(server.unsentReports).toEqual([2, 0]);
    expect(hq.requests.map((r) => `${r.method} ${r.url.pathname}`).at(-1)).toBe(
      'POST /api/v1/sync/wipe-done',
    );
  });

  it('waits while changes remain unsent: a failed push keeps them and acknowledges nothing', async () => {
    const server = fakeSyncServer();
    server.wipeOrdered = true;
    const hq = fakeFetch((request) =>
      request.url.pathname.endsWith('/sync/push')
        ? json(503, { error: 'unavailable', message: 'down for a moment' })
        : server.handle(request),
    );
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));

    await expect(
      runSyncCycle({ client: clientOf(hq.fetch), db, deviceId: newId() }),
    ).rejects.toThrow();

    expect(await countPending(db)).toBe(1);
    expect(server.wiped).toEqual([]);
  });

  it('is not acted on when none is ordered', async () => {
    const server = fakeSyncServer();
    const hq = fakeFetch((request) => server.handle(request));
    const result = await runSyncCycle({ client: clientOf(hq.fetch), db, deviceId: newId() });
    expect(result.wiped).toBeUndefined();
    expect(server.wiped).toEqual([]);
  });
});
