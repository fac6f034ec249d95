// Pushing the outbox: batch after batch (at most 500 mutations or about 1 MB each, numbered in
// the transaction that takes them), each answer settled in one transaction, until the queue is
// empty. A batch the server refuses for a gap in the mids (it lost mutations, e.g. restored from
// an older backup) is numbered again after the server's last mid and sent once more.
import { SCHEMA_VERSION } from '../../../domain/sync/protocol';
import type { FieldInspectorDb } from '../db/database';
import {
  countPending,
  defaultBatchLimits,
  renumberAfter,
  takeBatch,
} from '../db/repositories/outbox';
import type { BatchLimits } from '../db/repositories/outbox';
import { settleResults } from '../db/repositories/synced-records';
import type { SettleCounts } from '../db/repositories/synced-records';
import type { ApiClient } from './api-client';
import { ApiError, ProtocolError } from './errors';

export interface PushProgress {
  done: number;
  total: number;
}

export interface PushOptions {
  client: Pick<ApiClient, 'push'>;
  db: FieldInspectorDb;
  deviceId: string;
  limits?: BatchLimits;
  onProgress?: (progress: PushProgress) => void;
  now?: () => Date;
}

export async function pushOutbox({
  client,
  db,
  deviceId,
  limits = defaultBatchLimits,
  onProgress,
  now,
}: PushOptions): Promise<SettleCounts> {
  const totals: SettleCounts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
  const progress: PushProgress = { done: 0, total: await countPending(db) };
  onProgress?.({ ...progress });
  let renumbered = false;
  for (;;) {
    const batch = await takeBatch(db, deviceId, limits);
    if (!batch) return totals;
    let answer;
    try {
      answer = await client.push({
        deviceId,
        schemaVersion: SCHEMA_VERSION,
        mutations: batch.mutations,
      });
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 409 &&
        error.code === 'mid_gap' &&
        error.lastMid !== null &&
        !renumbered
      ) {
        renumbered = true;
        await renumberAfter(db, deviceId, error.lastMid);
        continue;
      }
      throw error;
    }
    const counts = await settleResults(db, batch.rows, answer.results, now);
    const settled = counts.applied + counts.duplicate + counts.conflict + counts.rejected;
    if (settled === 0) {
      throw new ProtocolError('the server answered a push without a result for any mutation');
    }
    for (const key of Object.keys(totals) as (keyof SettleCounts)[]) totals[key] += counts[key];
    progress.done += settled;
    // Edits made while syncing join the queue: the total grows with them.
    progress.total = Math.max(progress.total, progress.done + (await countPending(db)));
    onProgress?.({ ...progress });
  }
}
