import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import type { ConflictRow, RejectedRow } from '../../db/database';
import { listConflicts, listRejected } from '../../db/repositories/conflicts';

export interface SyncIssues {
  rejected: RejectedRow[];
  conflicts: ConflictRow[];
}

/** The refused mutations and conflicts not yet dismissed (undefined while loading). */
export function useSyncIssues(): SyncIssues | undefined {
  const { db } = useProfile();
  return useLiveQuery(
    async () => ({ rejected: await listRejected(db), conflicts: await listConflicts(db) }),
    [db],
  );
}
