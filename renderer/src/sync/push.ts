// Pushing the outbox: batch after batch (at most 500 mutations or about 1 MB each, numbered in
// the transaction that takes them), each answer settled in one transaction, until the queue is
// empty. One batch is on the wire at a time; the next is taken while it travels, and its answer
// is settled while the next travels. A batch the server refuses for a gap in the mids (it lost
// mutations, e.g. restored from an older backup) is numbered again after the server's last mid
// and sent once more.
import { SCHEMA_VERSION } from '../../../domain/sync/protocol';
import type { PushResponse } from '../../../domain/sync/protocol';
import type { FieldInspectorDb } from '../db/database';
import { countPending, countQueuedAfter, queueExtent } from '../db/outbox/queue';
import { defaultBatchLimits, takeBatch } from '../db/outbox/take-batch';
import { renumberAfter } from '../db/outbox/renumber';
import type { Batch, BatchLimits, NumberedRow } from '../db/outbox/take-batch';
import { settleResults } from '../db/outbox/settle-answers';
import type { SettleCounts } from '../db/outbox/settle-answers';
import type { ApiClient } from './api-client';
import { ApiError, ProtocolError } from './errors';
import type { Clock } from '../shared/clock';

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
  now?: Clock;
  /** Awaited before each batch is sent (the sync waits there for the photos it refers to). */
  beforeSend?: (rows: readonly NumberedRow[]) => Promise<void>;
}

export async function pushOutbox({
  client,
  db,
  deviceId,
  limits = defaultBatchLimits,
  onProgress,
  now,
  beforeSend,
}: PushOptions): Promise<SettleCounts> {
  const totals: SettleCounts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
  // The queue is counted whole once. IndexedDB counts by walking the rows, so counting it again
  // after every batch read a long queue over and over; after this, only rows queued since the
  // push began are counted (an edit of a row not sent yet changes that row, not the count).
  const atStart = await queueExtent(db);
  let settledFromStart = 0;
  const progress: PushProgress = { done: 0, total: atStart.rows };
  onProgress?.({ ...progress });

  const settle = async (rows: readonly NumberedRow[], results: PushResponse['results']) => {
    const counts = await settleResults(db, rows, results, now);
    const settled = counts.applied + counts.duplicate + counts.conflict + counts.rejected;
    if (settled === 0) {
      throw new ProtocolError('the server answered a push without a result for any mutation');
    }
    for (const key of Object.keys(totals) as (keyof SettleCounts)[]) totals[key] += counts[key];
    progress.done += settled;
    const answered = new Set(results.map((result) => result.mid));
    settledFromStart += rows.filter((r) => r.seq <= atStart.lastSeq && answered.has(r.mid)).length;
    // Edits made while syncing join the queue: the total grows with them.
    const pending = atStart.rows - settledFromStart + (await countQueuedAfter(db, atStart.lastSeq));
    // Never below what is done, even if a row answered twice (sent again after a gap) was counted
    // twice above.
    progress.total = Math.max(progress.total, progress.done + Math.max(0, pending));
    onProgress?.({ ...progress });
  };
  // Answers are settled in order, each beside the next batch's request: the batches still go
  // one at a time, but this device's own work no longer waits between them.
  let settling: Promise<void> = Promise.resolve();
  const settleInOrder = (rows: readonly NumberedRow[], results: PushResponse['results']) => {
    settling = settling.then(() => settle(rows, results));
    // Awaited below; this only keeps a failure from being reported as unhandled meanwhile.
    settling.catch(() => undefined);
  };

  // Asked as soon as a batch is taken, so that its photos go to the front of the uploads early.
  const whenReady = (taken: Batch | null): Promise<void> => {
    const ready = taken && beforeSend ? beforeSend(taken.rows) : Promise.resolve();
    ready.catch(() => undefined);
    return ready;
  };
  const take = async (afterMid?: number) => {
    const taken = await takeBatch(db, deviceId, limits, afterMid);
    return { taken, ready: whenReady(taken) };
  };

  let renumbered = false;
  let { taken: batch, ready } = await take();
  try {
    while (batch) {
      await ready;
      // What the device still holds, this batch included: administrators see it.
      const unsent = await countPending(db);
      const sent = client.push({
        deviceId,
        schemaVersion: SCHEMA_VERSION,
        mutations: batch.mutations,
        unsent,
      });
      // The next batch is taken (numbered after this one) while this one is on its way.
      const lastMid = batch.rows.at(-1)?.mid ?? 0;
      const next = take(lastMid);
      let answer: PushResponse;
      try {
        answer = await sent;
      } catch (error) {
        await next.catch(() => null);
        await settling;
        if (
          error instanceof ApiError &&
          error.status === 409 &&
          error.code === 'mid_gap' &&
          error.lastMid !== null &&
          !renumbered
        ) {
          renumbered = true;
          await renumberAfter(db, deviceId, error.lastMid);
          ({ taken: batch, ready } = await take());
          continue;
        }
        throw error;
      }
      settleInOrder(batch.rows, answer.results);
      ({ taken: batch, ready } = await next);
    }
  } finally {
    // Whatever happened, every answer received is settled before the push ends.
    await settling;
  }
  return totals;
}
