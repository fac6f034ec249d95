import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPendingBlobs, putLocalBlob } from '../../../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { runSyncCycle } from '../../../../renderer/src/sync/sync-cycle';
import type { SyncProgress } from '../../../../renderer/src/sync/sync-cycle';
import { fakeFetch } from '../support/fake-hq';
import { fakeSyncServer } from '../support/fake-sync-server';
import { makeFinding, newId } from '../../../support/record-fixtures';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

describe('runSyncCycle', () => {
  it('uploads the photos the server lacks before pushing the records that refer to them, then pulls', async () => {
    const server = fakeSyncServer();
    server.blobs.add(hashB);
    const hq = fakeFetch((request) => server.handle(request));
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      token: 'x'.repeat(40),
      fetch: hq.fetch,
    });
    const photos = [
      { sha256: hashA, mime: 'image/jpeg' as const, size: 3 },
      { sha256: hashB, mime: 'image/jpeg' as const, size: 3 },
    ];
    for (const ref of photos)
      await putLocalBlob(db, ref, new Blob(['abc'], { type: 'image/jpeg' }));
    await writeLocal(db, 'finding', makeFinding({ version: 0, photos }));

    const phases: SyncProgress['phase'][] = [];
    await runSyncCycle({ client, db, deviceId: newId(), onProgress: (p) => phases.push(p.phase) });

    expect(hq.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'POST /api/v1/blobs/missing',
      // This server has no batch route: the photo goes again by PUT.
      'POST /api/v1/blobs/batch',
      `PUT /api/v1/blobs/${hashA}`,
      'POST /api/v1/sync/push',
      'GET /api/v1/sync/pull',
    ]);
    expect(hq.requests[0]?.body).toEqual({ hashes: [hashA, hashB] });
    expect(hq.requests[2]?.headers.get('content-type')).toBe('image/jpeg');
    expect(await countPendingBlobs(db)).toBe(0);
    expect(await db.blobUploads.count()).toBe(2);
    expect([...new Set(phases)]).toEqual(['blobs', 'push', 'pull']);

    // Nothing left to upload: the next cycle asks about nothing.
    hq.requests.length = 0;
    await runSyncCycle({ client, db, deviceId: newId() });
    expect(hq.requests.map((r) => r.url.pathname)).toEqual(['/api/v1/sync/pull']);
  });
});
