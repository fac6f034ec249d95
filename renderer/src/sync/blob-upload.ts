// Uploading photos and signatures before the records that refer to them: ask the server which
// hashes it lacks (in chunks the protocol allows), send those held here in batches of a few
// megabytes (POST /blobs/batch; one PUT each when the server predates batches or a blob is too
// large for one), and mark every hash the server now holds as uploaded. A blob the server
// refuses (its bytes no longer match the hash) is left unmarked and does not stop the others. The push may run alongside: it asks
// `whenSettled` for the hashes of each batch before sending it, which moves them to the front of
// the queue, so that no record reaches the server before the photos it refers to.
import { MAX_BLOB_BATCH_BYTES, MAX_BLOB_BATCH_COUNT } from '../../../domain/sync/protocol';
import type { BlobRow, FieldInspectorDb } from '../db/database';
import { getLocalBlob, getLocalBlobs, hashesToCheck, markUploaded } from '../db/repositories/blobs';
import type { ApiClient } from './api-client';
import { ApiError } from './errors';

const MISSING_CHUNK = 1000;
/** Requests in flight: enough to hide each request's latency, few enough not to flood the link. */
const UPLOAD_CONCURRENCY = 4;
const BATCH_CONCURRENCY = 2;
/**
 * A batch is closed once it holds this much: big enough to spare requests (each waits its turn
 * at the server's database), small enough to stream and to send again after a lost connection.
 */
const BATCH_TARGET_BYTES = 4 * 1024 * 1024;
/**
 * Rows read from this device's database in one go while a batch is filled: enough for a batch of
 * phone photos of about 100 KB, so that one read usually fills it.
 */
const READ_AHEAD = 48;

export interface BlobProgress {
  done: number;
  total: number;
}

export interface BlobUploadOptions {
  /** Without `putBlobs`, every blob goes by PUT. */
  client: Pick<ApiClient, 'missingBlobs' | 'putBlob'> & Partial<Pick<ApiClient, 'putBlobs'>>;
  db: FieldInspectorDb;
  onProgress?: (progress: BlobProgress) => void;
}

export interface BlobUploadResult {
  uploaded: number;
  /** Hashes the server lacks that this device does not hold either (or whose bytes it refused). */
  unavailable: string[];
}

export interface BlobUploader {
  /** Uploads every missing hash; resolves when all are done, rejects on the first failure. */
  run(): Promise<BlobUploadResult>;
  /**
   * Resolves once each of `hashes` that this upload has to send is sent (or found unavailable);
   * those not yet started go first. Rejects if the upload fails.
   */
  whenSettled(hashes: Iterable<string>): Promise<void>;
}

type Outcome = 'uploaded' | 'unavailable';

/** Asks the server which hashes it lacks, marks the others, and returns the uploader. */
export async function createBlobUploader({
  client,
  db,
  onProgress,
}: BlobUploadOptions): Promise<BlobUploader> {
  const hashes = await hashesToCheck(db);
  const missing: string[] = [];
  const present: string[] = [];
  for (let i = 0; i < hashes.length; i += MISSING_CHUNK) {
    const chunk = hashes.slice(i, i + MISSING_CHUNK);
    const lacking = new Set(await client.missingBlobs(chunk));
    for (const hash of chunk) (lacking.has(hash) ? missing : present).push(hash);
  }
  await markUploaded(db, present);

  const progress: BlobProgress = { done: 0, total: missing.length };
  onProgress?.({ ...progress });

  // The queue in upload order; `whenSettled` moves hashes to its front.
  const queue = [...missing];
  const outcomes = new Map<string, Outcome>();
  const waiters = new Map<string, (() => void)[]>();
  let failure: { error: unknown } | null = null;
  const failed: ((error: unknown) => void)[] = [];

  const settle = (hash: string, outcome: Outcome) => {
    outcomes.set(hash, outcome);
    for (const resolve of waiters.get(hash) ?? []) resolve();
    waiters.delete(hash);
  };
  const settleAll = (done: Iterable<[string, Outcome]>) => {
    for (const [hash, outcome] of done) {
      settle(hash, outcome);
      progress.done++;
    }
    onProgress?.({ ...progress });
  };
  // Marks still being written: the push need not wait for them, the end of the upload does.
  const marking: Promise<void>[] = [];
  // Stops handing out uploads (those in flight finish before the error is thrown) and fails
  // every push waiting for a photo.
  const fail = (error: unknown) => {
    failure ??= { error };
    for (const reject of failed.splice(0)) reject(error);
  };
  const later = (work: Promise<void>) => {
    work.catch(fail);
    marking.push(work);
  };
  // Set when the server answers that it has no batch route: PUT one by one from then on.
  let batches = client.putBlobs !== undefined;
  const { putBlobs } = client;
  const batchWorker = async (putBatch: ApiClient['putBlobs']) => {
    const read = () => {
      const filling = fillBatch(client, db, queue);
      filling.catch(() => undefined);
      return filling;
    };
    const hashesOf = (filled: Filled | null) => (filled?.batch ?? []).map((b) => b.hash);
    let next = read();
    try {
      while (failure === null) {
        const filled = await next;
        if (filled === null) return;
        const sending = sendBatch(putBatch, db, filled, later);
        // The next batch's photos are read from this device while this one travels.
        next = read();
        const outcomes = await sending;
        if (outcomes === null) {
          // A server without the batch route: the photos read for batches go back in line.
          batches = false;
          const unsent = await next;
          queue.unshift(...hashesOf(filled), ...hashesOf(unsent));
          settleAll([...filled.outcomes, ...(unsent?.outcomes ?? [])]);
          return;
        }
        settleAll(outcomes);
      }
    } catch (error) {
      fail(error);
    }
  };
  const worker = async () => {
    if (batches && putBlobs) await batchWorker(putBlobs);
    while (failure === null) {
      try {
        const outcomes = await uploadNext(client, db, queue);
        if (outcomes === null) return;
        settleAll(outcomes);
      } catch (error) {
        fail(error);
        return;
      }
    }
  };

  let running: Promise<BlobUploadResult> | null = null;
  const run = async (): Promise<BlobUploadResult> => {
    const workers = batches ? BATCH_CONCURRENCY : UPLOAD_CONCURRENCY;
    await Promise.all(Array.from({ length: Math.min(workers, missing.length) }, worker));
    await Promise.allSettled(marking);
    if (failure !== null) throw (failure as { error: unknown }).error;
    const result: BlobUploadResult = { uploaded: 0, unavailable: [] };
    // In the order the server was asked about, whatever order the uploads finished in.
    for (const hash of missing) {
      const outcome = outcomes.get(hash);
      if (outcome === 'uploaded') result.uploaded++;
      else if (outcome === 'unavailable') result.unavailable.push(hash);
    }
    return result;
  };

  const lacking = new Set(missing);
  return {
    run: () => (running ??= run()),
    whenSettled(wanted) {
      const pending = [...new Set(wanted)].filter((h) => lacking.has(h) && !outcomes.has(h));
      if (pending.length === 0) return Promise.resolve();
      if (failure !== null) return Promise.reject((failure as { error: unknown }).error);
      const front = new Set(pending);
      const rest = queue.filter((h) => !front.has(h));
      queue.splice(0, queue.length, ...queue.filter((h) => front.has(h)), ...rest);
      return new Promise<void>((resolve, reject) => {
        let left = pending.length;
        for (const hash of pending) {
          const list = waiters.get(hash) ?? [];
          list.push(() => {
            if (--left === 0) resolve();
          });
          waiters.set(hash, list);
        }
        failed.push(reject);
      });
    },
  };
}

export async function uploadMissingBlobs(options: BlobUploadOptions): Promise<BlobUploadResult> {
  return (await createBlobUploader(options)).run();
}

type Outcomes = Map<string, Outcome>;

/** Sends the next hash of the queue by PUT; null when the queue is empty. */
async function uploadNext(
  client: Pick<ApiClient, 'putBlob'>,
  db: FieldInspectorDb,
  queue: string[],
): Promise<Outcomes | null> {
  const hash = queue.shift();
  if (hash === undefined) return null;
  return new Map([[hash, await uploadOne(client, db, hash)]]);
}

/** A batch read from this device, and what became of the hashes that could not join it. */
interface Filled {
  batch: (BlobRow & { hash: string })[];
  outcomes: Outcomes;
}

/**
 * Takes the next hashes of the queue for one batch, up to BATCH_TARGET_BYTES; a blob this device
 * no longer holds is unavailable, and one too large for any batch goes alone by PUT. Null when the
 * queue is empty.
 */
async function fillBatch(
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
        full = batch.length >= MAX_BLOB_BATCH_COUNT || bytes >= BATCH_TARGET_BYTES;
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
async function sendBatch(
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
