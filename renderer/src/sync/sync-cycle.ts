// One sync, start to end: upload the photos and signatures the server lacks while pushing the
// outbox batch by batch (each batch waits for the photos it refers to), then pull pages until the
// server has no more. Pushing before pulling means the
// pull brings back the server's merged copy of what was just pushed. A failed push (a server
// error, an outage, a refused batch) stops the push, but the pull still runs: the device keeps
// receiving others' changes while its own wait (a record with queued changes keeps them over a
// pulled copy), and the cycle then fails with the push's error, so that the engine retries later.
// Any other failure ends the cycle; everything done so far is already stored, so the next cycle
// carries on from there.
import type { FieldInspectorDb } from '../db/database';
import type { BatchLimits } from '../db/outbox/take-batch';
import type { SettleCounts } from '../db/outbox/settle-answers';
import type { ApiClient } from './api-client';
import { referencedHashes } from '../db/repositories/blobs';
import { createBlobUploader } from './blob-upload';
import { syncConflictChoices } from './conflict-choices';
import type { ConflictClient } from './conflict-choices';
import { pullAll } from './pull';
import type { PullProgress } from './pull';
import { ApiError } from './errors';
import { pushOutbox } from './push';
import type { Clock } from '../shared/clock';

export type SyncProgress =
  | { phase: 'blobs'; done: number; total: number }
  | { phase: 'push'; done: number; total: number }
  | ({ phase: 'pull' } & PullProgress);

export type SyncClient = Pick<ApiClient, 'pull' | 'push' | 'missingBlobs' | 'putBlob'> &
  Partial<Pick<ApiClient, 'putBlobs'>> &
  Partial<ConflictClient>;

export interface SyncCycleOptions {
  client: SyncClient;
  db: FieldInspectorDb;
  deviceId: string;
  onProgress?: (progress: SyncProgress) => void;
  now?: Clock;
  pullLimit?: number;
  /** Supervisors and admins: refresh the cached conflicts log too. */
  reviewsConflicts?: boolean;
  /** The size of push batches (the protocol's limits unless a test asks for smaller ones). */
  batchLimits?: BatchLimits;
}

export interface SyncCycleResult {
  blobsUploaded: number;
  pushed: SettleCounts;
  pulled: PullProgress;
}

export async function runSyncCycle(options: SyncCycleOptions): Promise<SyncCycleResult> {
  const { client, db, onProgress, now, pullLimit, reviewsConflicts } = options;
  const sending = await settled(uploadAndPush(options));
  // The server no longer knows the session: nothing more to ask it until the user signs in.
  if (!sending.ok && isUnauthorized(sending.error)) throw sending.error;
  // Between push and pull, so that a restored value comes back in this sync; never throws.
  await syncConflictChoices({
    client,
    db,
    refreshLog: reviewsConflicts === true,
    ...(now ? { now } : {}),
  });
  const pulling = pullAll({
    client,
    db,
    ...(pullLimit === undefined ? {} : { limit: pullLimit }),
    onProgress: (p) => onProgress?.({ phase: 'pull', ...p }),
  });
  if (!sending.ok) {
    // The push's error is the cycle's, unless the pull found the session over.
    const pull = await settled(pulling);
    if (!pull.ok && isUnauthorized(pull.error)) throw pull.error;
    throw sending.error;
  }
  return { ...sending.value, pulled: await pulling };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settled = <T>(work: Promise<T>): Promise<Settled<T>> =>
  work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

const isUnauthorized = (error: unknown) => error instanceof ApiError && error.unauthorized;

/**
 * Photos and records travel at once: the photo uploads run beside the push, and a batch is sent
 * only when every photo it refers to is on the server (or this device does not hold it), so the
 * server never holds a record before its photos, as when the uploads came first. Either failing
 * fails the whole once the other has finished (a push stopped by a failed upload stops at the
 * first batch that needs it).
 */
export async function uploadAndPush({
  client,
  db,
  deviceId,
  onProgress,
  now,
  batchLimits,
}: Pick<
  SyncCycleOptions,
  'client' | 'db' | 'deviceId' | 'onProgress' | 'now' | 'batchLimits'
>): Promise<Pick<SyncCycleResult, 'blobsUploaded' | 'pushed'>> {
  const uploader = await createBlobUploader({
    client,
    db,
    onProgress: (p) => onProgress?.({ phase: 'blobs', ...p }),
  });
  const [blobs, pushed] = await Promise.allSettled([
    uploader.run(),
    pushOutbox({
      client,
      db,
      deviceId,
      onProgress: (p) => onProgress?.({ phase: 'push', ...p }),
      beforeSend: (rows) => uploader.whenSettled(referencedHashes(rows)),
      ...(now ? { now } : {}),
      ...(batchLimits ? { limits: batchLimits } : {}),
    }),
  ]);
  if (blobs.status === 'rejected') throw blobs.reason;
  if (pushed.status === 'rejected') throw pushed.reason;
  return { blobsUploaded: blobs.value.uploaded, pushed: pushed.value };
}
