import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { conflictLogFetchedAt, listConflictEntries } from '../../db/repositories/conflict-log';
import type { ConflictEntry } from '../../db/repositories/conflict-log';

/** The cached conflicts that are open (or resolved), newest first; undefined while loading. */
export function useConflictEntries(status: 'open' | 'resolved'): ConflictEntry[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => listConflictEntries(db, status), [db, status]);
}

/** When the cached log was last fetched: null if never, undefined while loading. */
export function useConflictLogFetchedAt(): string | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => conflictLogFetchedAt(db), [db]);
}
