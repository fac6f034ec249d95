import { describe, expect, it } from 'vitest';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { putLocalBlob } from '../../../../renderer/src/db/repositories/blobs';
import { ApiError } from '../../../../renderer/src/sync/errors';
import { uploadAndPush } from '../../../../renderer/src/sync/sync-cycle';
import type { SyncClient } from '../../../../renderer/src/sync/sync-cycle';
import { makeFinding, newId } from '../../../support/record-fixtures';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);
const ref = (sha256: string) => ({ sha256, mime: 'image/jpeg' as const, size: 3 });

/** A server lacking every blob; the upload of `held` waits until the test releases it. */
function heldServer(held: string, failHeld = false) {
  const events: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const client: SyncClient = {
    missingBlobs: async (hashes) => hashes,
    putBlob: async (sha256) => {
      if (sha256 === held) {
        await released;
        if (failHeld) throw new ApiError(503, 'unavailable', 'try later');
      }
      events.push(`put ${sha256.slice(0, 1)}`);
    },
    push: async (request) => {
      events.push(`push ${request.mutations.length}`);
      return {
        results: request.mutations.map((m) => ({ mid: m.mid, status: 'applied', version: 7 })),
        lastMid: request.mutations.at(-1)?.mid ?? 0,
      };
    },
    pull: async () => ({ changes: [], cursor: 'c', hasMore: false }),
  };
  return { client, events, release };
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('uploadAndPush', () => {
  it('sends a batch once its own photos are up, while other photos are still uploading', async () => {
    for (const hash of [hashA, hashB]) {
      await putLocalBlob(db, ref(hash), new Blob(['abc'], { type: 'image/jpeg' }));
    }
    await writeLocal(db, 'finding', makeFinding({ version: 0, photos: [ref(hashA)] }));
    // B belongs to no queued record (its record was synced earlier) and is held up.
    const server = heldServer(hashB);

    const done = uploadAndPush({ client: server.client, db, deviceId: newId() });
    await waitFor(() => server.events.includes('push 1'));
    expect(server.events).toEqual(['put a', 'push 1']);

    server.release();
    const result = await done;
    expect(server.events).toEqual(['put a', 'push 1', 'put b']);
    expect(result).toEqual({
      blobsUploaded: 2,
      pushed: { applied: 1, duplicate: 0, conflict: 0, rejected: 0 },
    });
    expect(await countPending(db)).toBe(0);
  });

  it('keeps a batch whose photo failed to upload queued, and fails the sync', async () => {
    await putLocalBlob(db, ref(hashB), new Blob(['abc'], { type: 'image/jpeg' }));
    await writeLocal(db, 'finding', makeFinding({ version: 0, photos: [ref(hashB)] }));
    const server = heldServer(hashB, true);

    const done = uploadAndPush({ client: server.client, db, deviceId: newId() });
    const outcome = expect(done).rejects.toMatchObject({ status: 503 });
    server.release();
    await outcome;
    expect(server.events).toEqual([]);
    expect(await countPending(db)).toBe(1);
  });
});
