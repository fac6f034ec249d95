import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../app/session-context';
import { listAwaitingReview } from '../../db/repositories/inspections';
import type { InspectionRow } from '../../db/repositories/inspections';

/** Submitted inspections waiting for review, oldest first (undefined while loading). */
export function useReviewQueue(): InspectionRow[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => listAwaitingReview(db), [db]);
}
