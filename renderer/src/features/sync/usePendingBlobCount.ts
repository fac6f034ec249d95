import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { countPendingBlobs } from '../../db/repositories/blobs';

/** How many photos and signatures wait to be uploaded (undefined while loading). */
export function usePendingBlobCount(): number | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => countPendingBlobs(db), [db]);
}
