import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { listAwaitingReview } from '../../db/repositories/inspections';
import type { ReviewRow } from '../../db/repositories/inspections';

/**
 * The signed-in reviewer's queue: submitted inspections of their agency waiting for review,
 * those they took part in left out, oldest first (undefined while loading).
 */
export function useReviewQueue(): ReviewRow[] | undefined {
  const { db, session } = useProfile();
  const { id, role, agencyId } = session.user;
  return useLiveQuery(
    () => listAwaitingReview(db, { id, role, agencyId }),
    [db, id, role, agencyId],
  );
}
