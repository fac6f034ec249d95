// The sync step for supervisors' conflict choices: sends the queued choices one by one, then
// (for supervisors and admins) refreshes the cached conflicts log. It runs between push and pull,
// so a restored value comes back in the same sync's pull. It never throws: a choice the server
// refuses (403, 404, 409…) is kept with its reason for the Conflicts screen; an unreachable or
// failing server leaves the choices queued for the next sync.
import {
  listPendingConflictChoices,
  markConflictChoiceFailed,
  replaceConflictLog,
  storeResolvedConflict,
} from '../db/repositories/conflict-log';
import type { FieldInspectorDb } from '../db/database';
import type { ApiClient } from './api-client';
import { ApiError } from './errors';
import { systemClock } from '../shared/clock';
import type { Clock } from '../shared/clock';

export type ConflictClient = Pick<ApiClient, 'listConflicts' | 'resolveConflict'>;

export interface ConflictSyncOptions {
  /** A client without the conflict calls (a test's stand-in) makes this step do nothing. */
  client: Partial<ConflictClient>;
  db: FieldInspectorDb;
  /** Fetch the log again: for supervisors and admins, who may read it. */
  refreshLog: boolean;
  now?: Clock;
}

export interface ConflictSyncResult {
  sent: number;
  failed: number;
  /** Still queued because the server could not be asked. */
  waiting: number;
  refreshed: boolean;
}

/** A refusal that sending again will not change (as opposed to an outage or an expired token). */
function isFinalRefusal(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 408, 429].includes(error.status)
  );
}

/** How many log entries are fetched: every open one a district has, and the latest resolved. */
export const OPEN_LIMIT = 500;
export const RESOLVED_LIMIT = 100;

export async function syncConflictChoices({
  client,
  db,
  refreshLog,
  now = systemClock,
}: ConflictSyncOptions): Promise<ConflictSyncResult> {
  const result: ConflictSyncResult = { sent: 0, failed: 0, waiting: 0, refreshed: false };
  const { listConflicts, resolveConflict } = client;
  if (!listConflicts || !resolveConflict) return result;
  const pending = await listPendingConflictChoices(db);
  for (const [i, choice] of pending.entries()) {
    try {
      await storeResolvedConflict(db, await resolveConflict(choice.conflictId, choice.keep));
      result.sent++;
    } catch (error) {
      if (!isFinalRefusal(error)) {
        result.waiting = pending.length - i;
        return result;
      }
      await markConflictChoiceFailed(db, choice.conflictId, {
        status: error.status,
        code: error.code,
        message: error.message,
      });
      result.failed++;
    }
  }
  if (!refreshLog) return result;
  try {
    const [open, resolved] = await Promise.all([
      listConflicts({ status: 'open', limit: OPEN_LIMIT }),
      listConflicts({ status: 'resolved', limit: RESOLVED_LIMIT }),
    ]);
    await replaceConflictLog(db, [...open, ...resolved], now());
    result.refreshed = true;
  } catch {
    // The cached log stays as it was; the screen says when it was last fetched.
  }
  return result;
}
