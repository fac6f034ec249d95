// One sync, start to end: upload the photos and signatures the server lacks while pushing the
// outbox batch by batch (each batch waits for the photos it refers to), then pull pages until the
// server has no more. Pushing before pulling means the
// pull brings back the server's merged copy of what was just pushed. A failed push (a server
// error, an outage, a refused batch) stops the push, but the pull still runs: the device keeps
// receiving others' changes while its own wait (a record with queued changes keeps them over a
// pulled copy), and the cycle then fails with the push's error, so that the engine retries later.
// Any other failure ends the cycle; everything done so far is already stored, so the next cycle
// carries on from there. An answer saying an administrator ordered this device wiped is noted:
// once a cycle has pushed everything the device held, it tells the server and reports the wipe,
// and the engine has the local data deleted (its onWiped).
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
import { countPending } from '../db/outbox/queue';

export type SyncProgress =
  | { phase: 'blobs'; done: number; total: number }
  | { phase: 'push'; done: number; total: number }
  | ({ phase: 'pull' } & PullProgress);

export type SyncClient = Pick<ApiClient, 'pull' | 'push' | 'missingBlobs' | 'putBlob'> &
  Partial<Pick<ApiClient, 'putBlobs' | 'wipeDone'>> &
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
  /**
   * An administrator ordered this device wiped, the device has sent everything it held, and the
   * server knows: the caller now deletes the local data and signs out.
   */
  wiped?: true;
}

/** The client, noting whether any answer of the push or the pull orders a wipe. */
function watchingForWipe(client: SyncClient): { client: SyncClient; ordered: () => boolean } {
  let ordered = false;
  const note = <T extends { wipe?: boolean }>(answer: T): T => {
    if (answer.wipe === true) ordered = true;
    return answer;
  };
  const watched = new Proxy(client, {
    get(target, property) {
      if (property === 'push')
        return (r: Parameters<SyncClient['push']>[0]) => target.push(r).then(note);
      if (property === 'pull')
        return (q: Parameters<SyncClient['pull']>[0]) => target.pull(q).then(note);
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { client: watched, ordered: () => ordered };
}

export async function runSyncCycle(options: SyncCycleOptions): Promise<SyncCycleResult> {
  const { db, onProgress, now, pullLimit, reviewsConflicts, deviceId } = options;
  const wipe = watchingForWipe(options.client);
  const client = wipe.client;
  const sending = await settled(uploadAndPush({ ...options, client }));
  // The server no longer knows the session: nothing more to ask it until the user signs in.
  if (!sending.ok && isUnauthorized(sending.error)) throw sending.error;
  // Between push and pull, so that a restored value comes back in this sync; never throws.
  await syncConflictChoices({
    client,
    db,
    refreshLog: reviewsConflicts === true,
    ...(now ? { now } : {}),
  });
  const unsent = await countPending(db);
  const pulling = pullAll({
    client,
    db,
    unsent,
    ...(pullLimit === undefined ? {} : { limit: pullLimit }),
    onProgress: (p) => onProgress?.({ phase: 'pull', ...p }),
  });
  if (!sending.ok) {
    // The push's error is the cycle's, unless the pull found the session over.
    const pull = await settled(pulling);
    if (!pull.ok && isUnauthorized(pull.error)) throw pull.error;
    throw sending.error;
  }
  const result: SyncCycleResult = { ...sending.value, pulled: await pulling };
  // Only once nothing is left to send: a change made meanwhile goes in the next cycle first.
  if (wipe.ordered() && client.wipeDone && (await countPending(db)) === 0) {
    await client.wipeDone(deviceId);
    result.wiped = true;
  }
  return result;
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
