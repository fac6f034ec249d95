import { describe, expect, it, vi } from 'vitest';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import {
  countPendingBlobs,
  putLocalBlob,
  unsentHashes,
} from '../../../../renderer/src/db/repositories/blobs';
import type { ApiClient } from '../../../../renderer/src/sync/api-client';
import { uploadMissingBlobs } from '../../../../renderer/src/sync/blob-upload';
import { ApiError } from '../../../../renderer/src/sync/errors';
import { withTestDatabase } from '../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const hash = (n: number) => n.toString(16).padStart(64, '0');

async function storeBlobs(count: number): Promise<string[]> {
  const hashes = Array.from({ length: count }, (_, i) => hash(i + 1));
  for (const sha256 of hashes) {
    await putLocalBlob(db, { sha256, mime: 'image/jpeg', size: 3 }, new Blob(['abc']));
  }
  return hashes;
}

/** A server that lacks every blob and answers each upload only when the test lets it. */
function gatedServer(fail: (sha256: string) => Error | null = () => null) {
  const waiting: (() => void)[] = [];
  const received: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const client: Pick<ApiClient, 'missingBlobs' | 'putBlob'> = {
    missingBlobs: async (hashes) => hashes,
    putBlob: async (sha256) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight--;
      const error = fail(sha256);
      if (error) throw error;
      received.push(sha256);
    },
  };
  /** Answers the uploads in flight, most recent (or oldest) first, until `upload` settles. */
  const drain = async (upload: Promise<unknown>, first: 'newest' | 'oldest' = 'newest') => {
    let settled = false;
    void upload.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      (first === 'newest' ? waiting.pop() : waiting.shift())?.();
    }
  };
  return { client, received, drain, inFlight: () => inFlight, maxInFlight: () => maxInFlight };
}

describe('uploadMissingBlobs', () => {
  it('sends several photos at once, at most four, and marks each uploaded', async () => {
    const hashes = await storeBlobs(9);
    const server = gatedServer();
    const upload = uploadMissingBlobs({ client: server.client, db });
    await vi.waitUntil(() => server.inFlight() === 4, { timeout: 20_000 });
    await server.drain(upload);
    const result = await upload;
    expect(result).toEqual({ uploaded: 9, unavailable: [] });
    expect(server.maxInFlight()).toBe(4);
    expect([...server.received].sort()).toEqual(hashes);
    expect(await countPendingBlobs(db)).toBe(0);
  });

  it('lists refused photos in order and keeps uploading the others', async () => {
    const hashes = await storeBlobs(6);
    const refused = new Set([hashes[4]!, hashes[1]!]);
    const server = gatedServer((sha256) =>
      refused.has(sha256) ? new ApiError(400, 'hash_mismatch', 'bytes do not match') : null,
    );
    const upload = uploadMissingBlobs({ client: server.client, db });
    await server.drain(upload);
    const result = await upload;
    expect(result).toEqual({ uploaded: 4, unavailable: [hashes[1], hashes[4]] });
    const unsent = await unsentHashes(db);
    expect(unsent.sort()).toEqual([hashes[1], hashes[4]]);
  });

  it('stops at a server failure, keeping the uploads that finished marked', async () => {
    const hashes = await storeBlobs(10);
    const server = gatedServer((sha256) =>
      sha256 === hashes[2] ? new ApiError(503, 'unavailable', 'try later') : null,
    );
    const upload = uploadMissingBlobs({ client: server.client, db });
    const outcome = expect(upload).rejects.toMatchObject({ status: 503 });
    // Oldest first: the third answer fails while at most six uploads have started.
    await server.drain(upload, 'oldest');
    await outcome;
    const uploaded = await db.blobUploads.toCollection().primaryKeys();
    expect(uploaded.sort()).toEqual([...server.received].sort());
    // The failure stopped new uploads: not every photo was sent.
    expect(server.received.length).toBeLessThan(hashes.length - 1);
  });
});
