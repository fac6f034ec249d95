// Uploading photos and signatures before the records that refer to them: read the queue a page
// at a time for the blobs it refers to, ask the server which it lacks (in chunks the protocol
// allows), send those held here (blob-send.ts) while the rest of the queue is read, and mark
// every hash the server now holds as uploaded. A blob the server refuses (its bytes no longer
// match the hash) is left unmarked and does not stop the others. The push runs alongside: it
// asks `whenSettled` for the hashes of each batch before sending it, which moves them to the
// front of the queue (asking the server about any not met yet), so that no record reaches the
// server before the photos it refers to.
import type { FieldInspectorDb } from '../db/database';
import { hashesToCheck, markUploaded } from '../db/repositories/blobs';
import type { ApiClient } from './api-client';
import { fillBatch, sendBatch, uploadNext } from './blob-send';
import type { Filled, Outcome } from './blob-send';

const MISSING_CHUNK = 1000;
/** Requests in flight: enough to hide each request's latency, few enough not to flood the link. */
const UPLOAD_CONCURRENCY = 4;
const BATCH_CONCURRENCY = 2;

export interface BlobProgress {
  done: number;
  total: number;
}

export interface BlobUploadOptions {
  /** Without `putBlobs`, every blob goes by PUT. */
  client: Pick<ApiClient, 'missingBlobs' | 'putBlob'> & Partial<Pick<ApiClient, 'putBlobs'>>;
  db: FieldInspectorDb;
  onProgress?: (progress: BlobProgress) => void;
  /** How many queued rows are read at a time while looking for photos (tests use fewer). */
  checkPages?: { first: number; rest: number };
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

/**
 * Asks the server which hashes it lacks, marks the others, and returns the uploader once the
 * first page of the queue is known; the rest of the queue is read and asked about while the
 * first photos go.
 */
export async function createBlobUploader({
  client,
  db,
  onProgress,
  checkPages,
}: BlobUploadOptions): Promise<BlobUploader> {
  const progress: BlobProgress = { done: 0, total: 0 };
  // The queue in upload order; `whenSettled` moves hashes to its front.
  const queue: string[] = [];
  // Every hash the server lacks, in the order it was asked about.
  const missing: string[] = [];
  const lacking = new Set<string>();
  // Each hash asked about, with the question's answer (settled once it is known).
  const asked = new Map<string, Promise<void>>();
  const outcomes = new Map<string, Outcome>();
  const waiters = new Map<string, (() => void)[]>();
  let failure: { error: unknown } | null = null;
  const failed: ((error: unknown) => void)[] = [];
  // Workers out of work wait here for more hashes, the end of the reading, or a failure.
  let reading = true;
  const idle: (() => void)[] = [];
  const wake = () => {
    for (const resolve of idle.splice(0)) resolve();
  };
  /** True when no work is left and none will come; otherwise waits until some may have. */
  const drained = async () => {
    if (queue.length === 0 && reading && failure === null) {
      await new Promise<void>((resolve) => idle.push(resolve));
    }
    return queue.length === 0 && !reading;
  };

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
    wake();
  };
  const later = (work: Promise<void>) => {
    work.catch(fail);
    marking.push(work);
  };

  /** Asks about the hashes not asked about yet; those the server lacks join the queue. */
  const ask = (hashes: readonly string[]): Promise<void> => {
    const fresh = [...new Set(hashes)].filter((hash) => !asked.has(hash));
    const answered = (async () => {
      for (let i = 0; i < fresh.length; i += MISSING_CHUNK) {
        const chunk = fresh.slice(i, i + MISSING_CHUNK);
        const found = new Set(await client.missingBlobs(chunk));
        const present: string[] = [];
        for (const hash of chunk) {
          if (!found.has(hash)) {
            present.push(hash);
            continue;
          }
          lacking.add(hash);
          missing.push(hash);
          queue.push(hash);
          progress.total++;
        }
        wake();
        staff();
        await markUploaded(db, present);
        onProgress?.({ ...progress });
      }
    })();
    for (const hash of fresh) asked.set(hash, answered);
    return answered;
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
        if (filled === null) {
          if (await drained()) return;
          next = read();
          continue;
        }
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
        if (outcomes === null) {
          if (await drained()) return;
          continue;
        }
        settleAll(outcomes);
      } catch (error) {
        fail(error);
        return;
      }
    }
  };

  // Workers started so far. Hashes a push asks for after they stopped start new ones.
  const workers: Promise<void>[] = [];
  let active = 0;
  let started = false;
  const staff = () => {
    if (!started) return;
    const wanted = batches ? BATCH_CONCURRENCY : UPLOAD_CONCURRENCY;
    while (active < wanted && failure === null) {
      active++;
      workers.push(
        worker().finally(() => {
          active--;
          // Work that arrived while this worker was leaving is not left without one.
          if (queue.length > 0) staff();
        }),
      );
    }
  };

  const pages = hashesToCheck(db, checkPages);
  const first = await pages.next();
  if (!first.done) await ask(first.value);
  // The rest of the queue, read and asked about while the first photos go.
  const rest = (async () => {
    for await (const page of pages) await ask(page);
  })()
    .catch(fail)
    .finally(() => {
      reading = false;
      wake();
    });

  let running: Promise<BlobUploadResult> | null = null;
  const run = async (): Promise<BlobUploadResult> => {
    started = true;
    staff();
    // Workers started while these ran are waited for too.
    for (let i = 0; i < workers.length; i++) await workers[i];
    await rest;
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

  return {
    run: () => (running ??= run()),
    async whenSettled(wanted) {
      const hashes = [...new Set(wanted)];
      // A hash not met while reading the queue (a record queued during this sync, or one not
      // read yet) is asked about here, so that no record goes before a photo the server lacks.
      await ask(hashes);
      await Promise.all(hashes.map((hash) => asked.get(hash)));
      const pending = hashes.filter((h) => lacking.has(h) && !outcomes.has(h));
      if (pending.length === 0) return;
      if (failure !== null) throw (failure as { error: unknown }).error;
      const front = new Set(pending);
      const others = queue.filter((h) => !front.has(h));
      queue.splice(0, queue.length, ...queue.filter((h) => front.has(h)), ...others);
      staff();
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
