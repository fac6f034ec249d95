// One sync, start to end: upload the photos and signatures the server lacks, push the outbox
// batch by batch, then pull pages until the server has no more. Pushing before pulling means the
// pull brings back the server's merged copy of what was just pushed. Any failure ends the cycle;
// everything done so far is already stored, so the next cycle carries on from there.
import type { FieldInspectorDb } from '../db/database';
import type { SettleCounts } from '../db/repositories/synced-records';
import type { ApiClient } from './api-client';
import { uploadMissingBlobs } from './blob-upload';
import { pullAll } from './pull';
import type { PullProgress } from './pull';
import { pushOutbox } from './push';

export type SyncProgress =
  | { phase: 'blobs'; done: number; total: number }
  | { phase: 'push'; done: number; total: number }
  | ({ phase: 'pull' } & PullProgress);

export type SyncClient = Pick<ApiClient, 'pull' | 'push' | 'missingBlobs' | 'putBlob'>;

export interface SyncCycleOptions {
  client: SyncClient;
  db: FieldInspectorDb;
  deviceId: string;
  onProgress?: (progress: SyncProgress) => void;
  now?: () => Date;
  pullLimit?: number;
}

export interface SyncCycleResult {
  blobsUploaded: number;
  pushed: SettleCounts;
  pulled: PullProgress;
}

export async function runSyncCycle({
  client,
  db,
  deviceId,
  onProgress,
  now,
  pullLimit,
}: SyncCycleOptions): Promise<SyncCycleResult> {
  const blobs = await uploadMissingBlobs({
    client,
    db,
    onProgress: (p) => onProgress?.({ phase: 'blobs', ...p }),
  });
  const pushed = await pushOutbox({
    client,
    db,
    deviceId,
    onProgress: (p) => onProgress?.({ phase: 'push', ...p }),
    ...(now ? { now } : {}),
  });
  const pulled = await pullAll({
    client,
    db,
    ...(pullLimit === undefined ? {} : { limit: pullLimit }),
    onProgress: (p) => onProgress?.({ phase: 'pull', ...p }),
  });
  return { blobsUploaded: blobs.uploaded, pushed, pulled };
}
