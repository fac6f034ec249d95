import { describe, expect, it, vi } from 'vitest';
import type { BlobBatchResult } from '../../../../domain/sync/protocol';
import { BLOB_BATCH_MIME, MAX_BLOB_BATCH_BYTES } from '../../../../domain/sync/protocol';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import {
  countPendingBlobs,
  isUploaded,
  putLocalBlob,
} from '../../../../renderer/src/db/repositories/blobs';
import type { ApiClient } from '../../../../renderer/src/sync/api-client';
import type { BatchBlob } from '../../../../renderer/src/sync/blob-batch-body';
import { blobBatchBody } from '../../../../renderer/src/sync/blob-batch-body';
import { createBlobUploader, uploadMissingBlobs } from '../../../../renderer/src/sync/blob-upload';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { ApiError } from '../../../../renderer/src/sync/errors';
import { makeFinding } from '../../../support/record-fixtures';
import { withTestDatabase } from '../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const hash = (n: number) => n.toString(16).padStart(64, '0');

async function storeBlobs(sizes: number[]): Promise<string[]> {
  const hashes = sizes.map((_, i) => hash(i + 1));
  for (const [i, sha256] of hashes.entries()) {
    const size = sizes[i] ?? 1;
    await putLocalBlob(db, { sha256, mime: 'image/jpeg', size }, new Blob([new Uint8Array(size)]));
  }
  return hashes;
}

type Client = Pick<ApiClient, 'missingBlobs' | 'putBlob' | 'putBlobs'>;

/** A server that lacks every blob, refuses those in `refused`, and records what it was sent. */
function batchServer(refused = new Set<string>(), batchRoute = true) {
  const batches: string[][] = [];
  const puts: string[] = [];
  const client: Client = {
    missingBlobs: async (hashes) => hashes,
    putBlob: async (sha256) => {
      puts.push(sha256);
    },
    putBlobs: async (blobs) => {
      if (!batchRoute) throw new ApiError(404, 'not_found', 'no such route');
      batches.push(blobs.map((b) => b.sha256));
      return blobs.map((b): BlobBatchResult =>
        refused.has(b.sha256)
          ? { sha256: b.sha256, status: 'refused', error: 'the bytes hash to something else' }
          : { sha256: b.sha256, status: 'created' },
      );
    },
  };
  return { client, batches, puts };
}

/** Holds the batches `holds` picks until `release`; `held` resolves once the first is held. */
function holdSends(client: Client, holds: (blobs: readonly BatchBlob[]) => boolean) {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reached = () => undefined as void;
  const held = new Promise<void>((resolve) => (reached = resolve));
  const holding: Client = {
    ...client,
    putBlobs: async (blobs) => {
      if (holds(blobs)) {
        reached();
        await released;
      }
      return client.putBlobs(blobs);
    },
  };
  return { client: holding, held, release };
}

describe('uploadMissingBlobs in batches', () => {
  it('sends photos in batches of a few megabytes and marks them uploaded', async () => {
    const hashes = await storeBlobs(Array.from({ length: 100 }, () => 100_000));
    const server = batchServer();
    const result = await uploadMissingBlobs({ client: server.client, db });
    expect(result).toEqual({ uploaded: 100, unavailable: [] });
    expect(server.puts).toEqual([]);
    expect(server.batches.length).toBeGreaterThanOrEqual(2);
    expect(server.batches.length).toBeLessThanOrEqual(4);
    expect(server.batches.flat().sort()).toEqual(hashes);
    expect(await countPendingBlobs(db)).toBe(0);
  });

  it('lists blobs the server refuses by name as unavailable and stores the others', async () => {
    const hashes = await storeBlobs([10, 20, 30, 40]);
    const server = batchServer(new Set([hashes[2]!]));
    const result = await uploadMissingBlobs({ client: server.client, db });
    expect(result).toEqual({ uploaded: 3, unavailable: [hashes[2]] });
    expect(await isUploaded(db, hashes[2]!)).toBe(false);
    expect(await isUploaded(db, hashes[3]!)).toBe(true);
  });

  it('sends a blob too large for any batch by PUT, and falls back to PUT without a batch route', async () => {
    const [big] = await storeBlobs([MAX_BLOB_BATCH_BYTES + 1]);
    const withRoute = batchServer();
    expect(await uploadMissingBlobs({ client: withRoute.client, db })).toEqual({
      uploaded: 1,
      unavailable: [],
    });
    expect(withRoute.puts).toEqual([big]);

    // Another device's worth of photos: none of them uploaded yet.
    await Promise.all([db.blobs.clear(), db.blobUploads.clear()]);
    const hashes = await storeBlobs([10, 20, 30]);
    const old = batchServer(new Set(), false);
    expect(await uploadMissingBlobs({ client: old.client, db })).toEqual({
      uploaded: 3,
      unavailable: [],
    });
    expect([...old.puts].sort()).toEqual(hashes);
  });

  it('reads the next batch of photos from this device while one is on its way', async () => {
    // Photos of 1.5 MB: three to a batch.
    const hashes = await storeBlobs(Array.from({ length: 8 }, () => 1_500_000));
    let rowsRead = 0;
    const counting = (row: unknown) => {
      rowsRead++;
      return row;
    };
    db.blobs.hook('reading', counting);
    const server = batchServer();
    const sends = holdSends(server.client, () => true);
    const running = uploadMissingBlobs({ client: sends.client, db });
    await sends.held;
    const readForFirst = rowsRead;
    // The sends are held, yet the photos of the batches after them are read meanwhile.
    await vi.waitFor(() => expect(rowsRead).toBeGreaterThan(readForFirst));
    sends.release();
    expect(await running).toEqual({ uploaded: 8, unavailable: [] });
    expect(server.batches.flat().sort()).toEqual(hashes);
    db.blobs.hook('reading').unsubscribe(counting);
  });

  /** Holds this device's marks of uploaded blobs until `open`, or fails them with `failure`. */
  function holdMarks(failure?: Error) {
    const write = db.blobUploads.bulkPut.bind(db.blobUploads);
    let open = () => undefined as void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    db.blobUploads.bulkPut = (async (...args: Parameters<typeof write>) => {
      await opened;
      if (failure) throw failure;
      return write(...args);
    }) as typeof write;
    return { open };
  }

  it('lets a waiting push go once the server holds its photos, before they are marked here', async () => {
    const hashes = await storeBlobs([10, 20, 30]);
    const marks = holdMarks();
    const uploader = await createBlobUploader({ client: batchServer().client, db });
    let finished = false;
    const running = uploader.run().then((result) => {
      finished = true;
      return result;
    });
    await uploader.whenSettled(hashes);
    expect(await isUploaded(db, hashes[0]!)).toBe(false);
    expect(finished).toBe(false);

    marks.open();
    expect(await running).toEqual({ uploaded: 3, unavailable: [] });
    expect(await countPendingBlobs(db)).toBe(0);
  });

  it('fails the upload, and a push waiting for a photo, when the marks cannot be written', async () => {
    // Photos of 2 MB: four to a batch (at most 8 MiB), so the last goes in the second batch.
    const hashes = await storeBlobs([1, 2, 3, 4, 5].map(() => 2_000_000));
    const last = hashes[4]!;
    const marks = holdMarks(new Error('the disk is full'));
    const server = batchServer();
    const sends = holdSends(server.client, (blobs) => blobs.some((b) => b.sha256 === last));
    const uploader = await createBlobUploader({ client: sends.client, db });
    const running = uploader.run();
    running.catch(() => undefined);
    await sends.held;
    const waiting = uploader.whenSettled([last]);
    waiting.catch(() => undefined);

    marks.open();
    await expect(waiting).rejects.toThrow('the disk is full');
    sends.release();
    await expect(running).rejects.toThrow('the disk is full');
    expect(server.batches.flat().sort()).toEqual(hashes);
    expect(await countPendingBlobs(db)).toBe(5);
  });
});

describe('the photos a sync looks for', () => {
  const queueFinding = (sha256: string) =>
    writeLocal(db, 'finding', makeFinding({ photos: [{ sha256, mime: 'image/jpeg', size: 10 }] }));

  it('go to the server while the rest of the queue is still being read and asked about', async () => {
    const hashes = await storeBlobs([10, 20, 30]);
    for (const h of hashes) await queueFinding(h);
    const server = batchServer();
    let answer = () => undefined as void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const asked: string[][] = [];
    const client: Client = {
      ...server.client,
      missingBlobs: async (wanted) => {
        asked.push(wanted);
        // Every question after the first waits until the first photo has gone.
        if (asked.length > 1) await answered;
        return wanted;
      },
      putBlobs: async (blobs) => {
        const results = await server.client.putBlobs(blobs);
        answer();
        return results;
      },
    };
    const uploader = await createBlobUploader({
      client,
      db,
      checkPages: { first: 1, rest: 1 },
    });
    expect(asked).toEqual([[hashes[0]]]);
    expect(await uploader.run()).toEqual({ uploaded: 3, unavailable: [] });
    expect(server.batches[0]).toEqual([hashes[0]]);
    expect(asked.flat()).toEqual(hashes);
    expect(await countPendingBlobs(db)).toBe(0);
  });

  it('include those of records queued during the sync: a push waits until the server holds them', async () => {
    const [first] = await storeBlobs([10]);
    await queueFinding(first!);
    const server = batchServer();
    const uploader = await createBlobUploader({ client: server.client, db });
    expect(await uploader.run()).toEqual({ uploaded: 1, unavailable: [] });

    // Taken while the push was still going: the upload had finished before it was queued.
    const late = hash(99);
    await putLocalBlob(db, { sha256: late, mime: 'image/jpeg', size: 5 }, new Blob(['later']));
    await queueFinding(late);
    await uploader.whenSettled([first!, late]);
    expect(server.batches).toEqual([[first], [late]]);
    await vi.waitFor(async () => expect(await isUploaded(db, late)).toBe(true));
  });
});

describe('blobBatchBody', () => {
  it('frames a length-prefixed JSON header followed by the bytes in order', async () => {
    const blobs: BatchBlob[] = [
      { sha256: hash(1), mime: 'image/jpeg', data: new Blob(['abc']) },
      { sha256: hash(2), mime: 'image/png', data: new Blob(['de']) },
    ];
    const body = blobBatchBody(blobs);
    expect(body.type).toBe(BLOB_BATCH_MIME);
    const bytes = new Uint8Array(await body.arrayBuffer());
    const length = new DataView(bytes.buffer).getUint32(0);
    const header: unknown = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length)));
    expect(header).toEqual({
      blobs: [
        { sha256: hash(1), mime: 'image/jpeg', size: 3 },
        { sha256: hash(2), mime: 'image/png', size: 2 },
      ],
    });
    expect(new TextDecoder().decode(bytes.subarray(4 + length))).toBe('abcde');
  });
});
