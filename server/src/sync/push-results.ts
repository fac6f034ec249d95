// Owns a device's remembered push answers (mutation_results): the answers of mids it sends again,
// saving a batch's answers, and forgetting all but the latest RESULTS_KEPT.
import type { MutationResult } from '../../../domain/sync/protocol';
import type { Queryable } from '../db/database';

/**
 * How many of a device's latest answers are kept for repeating. A device asks again only for the
 * batches whose answers it lost, at most a few of the latest; older mids are answered
 * `duplicate` without their result.
 */
export const RESULTS_KEPT = 5000;

/** The answers already given to these mids (sent again), without their status. */
export async function earlierResults(tx: Queryable, deviceId: string, mids: number[]) {
  if (mids.length === 0) return new Map<number, Omit<MutationResult, 'mid' | 'status'>>();
  const rows = await tx.query<{ mid: number; result: MutationResult }>(
    `SELECT mid, result FROM mutation_results WHERE device_id = $1::uuid
     AND mid IN (SELECT value::bigint FROM jsonb_array_elements_text($2::jsonb))`,
    [deviceId, JSON.stringify(mids)],
  );
  return new Map(
    rows.map((r) => {
      const { version, error, reason } = r.result;
      return [
        r.mid,
        {
          ...(version ? { version } : {}),
          ...(error ? { error } : {}),
          ...(reason ? { reason } : {}),
        },
      ];
    }),
  );
}

/** Keeps a batch's answers, for the device that may ask again. */
export async function saveResults(tx: Queryable, deviceId: string, results: MutationResult[]) {
  await tx.query(
    `INSERT INTO mutation_results (device_id, mid, result)
     SELECT $1::uuid, (r->>'mid')::bigint, r FROM jsonb_array_elements($2::jsonb) AS r`,
    [deviceId, JSON.stringify(results)],
  );
}

/**
 * Forgets the device's answers older than its latest RESULTS_KEPT, once each time the numbering
 * passes a multiple of RESULTS_KEPT (so a batch rarely pays for it).
 */
export async function pruneResults(tx: Queryable, deviceId: string, before: number, after: number) {
  const step = Math.floor(after / RESULTS_KEPT);
  if (step === Math.floor(before / RESULTS_KEPT)) return;
  await tx.query('DELETE FROM mutation_results WHERE device_id = $1::uuid AND mid <= $2', [
    deviceId,
    (step - 1) * RESULTS_KEPT,
  ]);
}
