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

/** Everything one upload knows and shares between its workers, the push and the queue reader. */
interface Upload {
  client: BlobUploadOptions['client'];
  db: FieldInspectorDb;
  onProgress: BlobUploadOptions['onProgress'];
  progress: BlobProgress;
  /** The queue in upload order; `whenSettled` moves hashes to its front. */
  queue: string[];
  /** Every hash the server lacks, in the order it was asked about. */
  missing: string[];
  lacking: Set<string>;
  /** Each hash asked about, with the question's answer (settled once it is known). */
  asked: Map<string, Promise<void>>;
  outcomes: Map<string, Outcome>;
  waiters: Map<string, (() => void)[]>;
  failure: { error: unknown } | null;
  /** Pushes waiting for a photo, failed with the upload. */
  failed: ((error: unknown) => void)[];
  /** True while the rest of the queue is still being read. */
  reading: boolean;
  /** Workers out of work wait here for more hashes, the end of the reading, or a failure. */
  idle: (() => void)[];
  /** Marks still being written: the push need not wait for them, the end of the upload does. */
  marking: Promise<void>[];
  /** False once the server answers that it has no batch route: PUT one by one from then on. */
  batches: boolean;
  /** Workers started so far. Hashes a push asks for after they stopped start new ones. */
  workers: Promise<void>[];
  active: number;
  started: boolean;
}

function newUpload({ client, db, onProgress }: BlobUploadOptions): Upload {
  return {
    client,
    db,
    onProgress,
    progress: { done: 0, total: 0 },
    queue: [],
    missing: [],
    lacking: new Set(),
    asked: new Map(),
    outcomes: new Map(),
    waiters: new Map(),
    failure: null,
    failed: [],
    reading: true,
    idle: [],
    marking: [],
    batches: client.putBlobs !== undefined,
    workers: [],
    active: 0,
    started: false,
  };
}

function wake(up: Upload): void {
  for (const resolve of up.idle.splice(0)) resolve();
}

/** True when no work is left and none will come; otherwise waits until some may have. */
async function drained(up: Upload): Promise<boolean> {
  if (up.queue.length === 0 && up.reading && up.failure === null) {
    await new Promise<void>((resolve) => up.idle.push(resolve));
  }
  return up.queue.length === 0 && !up.reading;
}

function settleAll(up: Upload, done: Iterable<[string, Outcome]>): void {
  for (const [hash, outcome] of done) {
    up.outcomes.set(hash, outcome);
    for (const resolve of up.waiters.get(hash) ?? []) resolve();
    up.waiters.delete(hash);
    up.progress.done++;
  }
  up.onProgress?.({ ...up.progress });
}

/**
 * Stops handing out uploads (those in flight finish before the error is thrown) and fails every
 * push waiting for a photo.
 */
function fail(up: Upload, error: unknown): void {
  up.failure ??= { error };
  for (const reject of up.failed.splice(0)) reject(error);
  wake(up);
}

/** Asks about the hashes not asked about yet; those the server lacks join the queue. */
function ask(up: Upload, hashes: readonly string[]): Promise<void> {
  const fresh = [...new Set(hashes)].filter((hash) => !up.asked.has(hash));
  const answered = (async () => {
    for (let i = 0; i < fresh.length; i += MISSING_CHUNK) {
      await askChunk(up, fresh.slice(i, i + MISSING_CHUNK));
    }
  })();
  for (const hash of fresh) up.asked.set(hash, answered);
  return answered;
}

async function askChunk(up: Upload, chunk: readonly string[]): Promise<void> {
  const found = new Set(await up.client.missingBlobs([...chunk]));
  const present: string[] = [];
  for (const hash of chunk) {
    if (!found.has(hash)) {
      present.push(hash);
      continue;
    }
    up.lacking.add(hash);
    up.missing.push(hash);
    up.queue.push(hash);
    up.progress.total++;
  }
  wake(up);
  staff(up);
  await markUploaded(up.db, present);
  up.onProgress?.({ ...up.progress });
}

/** Reads the next batch's photos from this device; a failure is seen when the batch is awaited. */
function readBatch(up: Upload): Promise<Filled | null> {
  const filling = fillBatch(up.client, up.db, up.queue);
  filling.catch(() => undefined);
  return filling;
}

const hashesOf = (filled: Filled | null) => (filled?.batch ?? []).map((b) => b.hash);

/** Sends batches until the queue is drained, the upload fails or the server has no batch route. */
async function batchWorker(up: Upload, putBatch: ApiClient['putBlobs']): Promise<void> {
  const later = (work: Promise<void>) => {
    work.catch((error: unknown) => fail(up, error));
    up.marking.push(work);
  };
  let next = readBatch(up);
  try {
    while (up.failure === null) {
      const filled = await next;
      if (filled === null) {
        if (await drained(up)) return;
        next = readBatch(up);
        continue;
      }
      const sending = sendBatch(putBatch, up.db, filled, later);
      // The next batch's photos are read from this device while this one travels.
      next = readBatch(up);
      const outcomes = await sending;
      if (outcomes === null) {
        // A server without the batch route: the photos read for batches go back in line.
        up.batches = false;
        const unsent = await next;
        up.queue.unshift(...hashesOf(filled), ...hashesOf(unsent));
        settleAll(up, [...filled.outcomes, ...(unsent?.outcomes ?? [])]);
        return;
      }
      settleAll(up, outcomes);
    }
  } catch (error) {
    fail(up, error);
  }
}

/** Uploads until the queue is drained or the upload fails: by batches while it can, then by PUT. */
async function worker(up: Upload): Promise<void> {
  const { putBlobs } = up.client;
  if (up.batches && putBlobs) await batchWorker(up, putBlobs);
  while (up.failure === null) {
    try {
      const outcomes = await uploadNext(up.client, up.db, up.queue);
      if (outcomes === null) {
        if (await drained(up)) return;
        continue;
      }
      settleAll(up, outcomes);
    } catch (error) {
      fail(up, error);
      return;
    }
  }
}

/** Starts workers up to the concurrency allowed, once the upload runs. */
function staff(up: Upload): void {
  if (!up.started) return;
  const wanted = up.batches ? BATCH_CONCURRENCY : UPLOAD_CONCURRENCY;
  while (up.active < wanted && up.failure === null) {
    up.active++;
    up.workers.push(
      worker(up).finally(() => {
        up.active--;
        // Work that arrived while this worker was leaving is not left without one.
        if (up.queue.length > 0) staff(up);
      }),
    );
  }
}

function failureOf(up: Upload): unknown {
  return (up.failure as { error: unknown }).error;
}

async function run(up: Upload, rest: Promise<void>): Promise<BlobUploadResult> {
  up.started = true;
  staff(up);
  // Workers started while these ran are waited for too.
  for (let i = 0; i < up.workers.length; i++) await up.workers[i];
  await rest;
  await Promise.allSettled(up.marking);
  if (up.failure !== null) throw failureOf(up);
  const result: BlobUploadResult = { uploaded: 0, unavailable: [] };
  // In the order the server was asked about, whatever order the uploads finished in.
  for (const hash of up.missing) {
    const outcome = up.outcomes.get(hash);
    if (outcome === 'uploaded') result.uploaded++;
    else if (outcome === 'unavailable') result.unavailable.push(hash);
  }
  return result;
}

async function whenSettled(up: Upload, wanted: Iterable<string>): Promise<void> {
  const hashes = [...new Set(wanted)];
  // A hash not met while reading the queue (a record queued during this sync, or one not read
  // yet) is asked about here, so that no record goes before a photo the server lacks.
  await ask(up, hashes);
  await Promise.all(hashes.map((hash) => up.asked.get(hash)));
  const pending = hashes.filter((h) => up.lacking.has(h) && !up.outcomes.has(h));
  if (pending.length === 0) return;
  if (up.failure !== null) throw failureOf(up);
  moveToFront(up.queue, new Set(pending));
  staff(up);
  return waitFor(up, pending);
}

function moveToFront(queue: string[], front: ReadonlySet<string>): void {
  const others = queue.filter((h) => !front.has(h));
  queue.splice(0, queue.length, ...queue.filter((h) => front.has(h)), ...others);
}

/** Resolves once every hash of `pending` is settled; rejects if the upload fails first. */
function waitFor(up: Upload, pending: readonly string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let left = pending.length;
    for (const hash of pending) {
      const list = up.waiters.get(hash) ?? [];
      list.push(() => {
        if (--left === 0) resolve();
      });
      up.waiters.set(hash, list);
    }
    up.failed.push(reject);
  });
}

/**
 * Asks the server which hashes it lacks, marks the others, and returns the uploader once the
 * first page of the queue is known; the rest of the queue is read and asked about while the
 * first photos go.
 */
export async function createBlobUploader(options: BlobUploadOptions): Promise<BlobUploader> {
  const up = newUpload(options);
  const pages = hashesToCheck(options.db, options.checkPages);
  const first = await pages.next();
  if (!first.done) await ask(up, first.value);
  // The rest of the queue, read and asked about while the first photos go.
  const rest = (async () => {
    for await (const page of pages) await ask(up, page);
  })()
    .catch((error: unknown) => fail(up, error))
    .finally(() => {
      up.reading = false;
      wake(up);
    });

  let running: Promise<BlobUploadResult> | null = null;
  return {
    run: () => (running ??= run(up, rest)),
    whenSettled: (wanted) => whenSettled(up, wanted),
  };
}

export async function uploadMissingBlobs(options: BlobUploadOptions): Promise<BlobUploadResult> {
  return (await createBlobUploader(options)).run();
}
