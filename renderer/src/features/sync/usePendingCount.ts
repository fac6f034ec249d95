import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { countPending } from '../../db/outbox/queue';

/** How many local changes wait in the outbox (undefined while loading). */
export function usePendingCount(): number | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => countPending(db), [db]);
}
