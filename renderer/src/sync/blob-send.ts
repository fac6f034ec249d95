// Sending photos and signatures from this device: a batch of them read in one go and sent by
// POST /blobs/batch, or one by PUT (a blob too large for a batch, or a server without batches).
// Each returns what became of every hash it took from the queue.
import { MAX_BLOB_BATCH_BYTES, MAX_BLOB_BATCH_COUNT } from '../../../domain/sync/protocol';
import type { BlobRow, FieldInspectorDb } from '../db/database';
import { getLocalBlob, getLocalBlobs, markUploaded } from '../db/repositories/blobs';
import type { ApiClient } from './api-client';
import { ApiError } from './errors';

export type Outcome = 'uploaded' | 'unavailable';
export type Outcomes = Map<string, Outcome>;

/**
 * Rows read from this device's database in one go while a batch is filled: as many as a batch
 * holds, so that one read usually fills it.
 */
const READ_AHEAD = MAX_BLOB_BATCH_COUNT;

/** Sends the next hash of the queue by PUT; null when the queue is empty. */
export async function uploadNext(
  client: Pick<ApiClient, 'putBlob'>,
  db: FieldInspectorDb,
  queue: string[],
): Promise<Outcomes | null> {
  const hash = queue.shift();
  if (hash === undefined) return null;
  return new Map([[hash, await uploadOne(client, db, hash)]]);
}

/** A batch read from this device, and what became of the hashes that could not join it. */
export interface Filled {
  batch: (BlobRow & { hash: string })[];
  outcomes: Outcomes;
}

/**
 * Takes the next hashes of the queue for one batch, up to the protocol's limits; a blob this device
 * no longer holds is unavailable, and one too large for any batch goes alone by PUT. Null when the
 * queue is empty.
 */
export async function fillBatch(
  client: Pick<ApiClient, 'putBlob'>,
  db: FieldInspectorDb,
  queue: string[],
): Promise<Filled | null> {
  const outcomes: Outcomes = new Map();
  const batch: (BlobRow & { hash: string })[] = [];
  let bytes = 0;
  let full = false;
  while (!full && queue.length > 0) {
    // Several rows read at once; those the batch has no room for go back to the queue's front.
    const hashes = queue.splice(0, Math.min(READ_AHEAD, MAX_BLOB_BATCH_COUNT - batch.length));
    const rows = await getLocalBlobs(db, hashes);
    const unused: string[] = [];
    for (const [i, hash] of hashes.entries()) {
      const blob = rows[i];
      if (full) {
        unused.push(hash);
      } else if (!blob) {
        outcomes.set(hash, 'unavailable');
      } else if (blob.size > MAX_BLOB_BATCH_BYTES) {
        outcomes.set(hash, await uploadOne(client, db, hash));
      } else if (bytes + blob.size > MAX_BLOB_BATCH_BYTES) {
        unused.push(hash);
        full = true;
      } else {
        batch.push({ ...blob, hash });
        bytes += blob.size;
        // Filled to the protocol's limits: each batch waits its turn at the server's database
        // once, so fewer, fuller batches keep the photos ahead of the records that need them.
        full = batch.length >= MAX_BLOB_BATCH_COUNT || bytes >= MAX_BLOB_BATCH_BYTES;
      }
    }
    queue.unshift(...unused);
  }
  return batch.length > 0 || outcomes.size > 0 ? { batch, outcomes } : null;
}

/**
 * Sends a filled batch (POST /blobs/batch) and returns the outcome of each of its hashes, or null
 * if the server has no batch route.
 */
export async function sendBatch(
  putBlobs: ApiClient['putBlobs'],
  db: FieldInspectorDb,
  { batch, outcomes: beside }: Filled,
  /** Takes the writing of the marks, so that the blobs count as sent while it goes on. */
  later: (work: Promise<void>) => void,
): Promise<Outcomes | null> {
  const outcomes: Outcomes = new Map(beside);
  if (batch.length === 0) return outcomes;
  let results;
  try {
    results = await putBlobs(batch.map((b) => ({ sha256: b.hash, mime: b.mime, data: b.data })));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
  const stored = results.filter((r) => r.status !== 'refused').map((r) => r.sha256);
  // The server holds them now: a mark lost to a crash only means asking about them again.
  later(markUploaded(db, stored));
  // A refused blob's bytes no longer match its hash here: nothing to send for it, as with PUT.
  for (const r of results)
    outcomes.set(r.sha256, r.status === 'refused' ? 'unavailable' : 'uploaded');
  return outcomes;
}

async function uploadOne(
  client: Pick<ApiClient, 'putBlob'>,
  db: FieldInspectorDb,
  hash: string,
): Promise<Outcome> {
  const blob = await getLocalBlob(db, hash);
  if (!blob) return 'unavailable';
  try {
    await client.putBlob(hash, blob.mime, blob.data);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 400)) throw error;
    return 'unavailable';
  }
  await markUploaded(db, [hash]);
  return 'uploaded';
}
