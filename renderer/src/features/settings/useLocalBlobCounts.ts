import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { countLocalBlobs, countPendingBlobs } from '../../db/repositories/blobs';

export interface LocalBlobCounts {
  total: number;
  pending: number;
}

/** How many photos and signatures are kept on this device, and how many wait to be uploaded. */
export function useLocalBlobCounts(): LocalBlobCounts | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [total, pending] = await Promise.all([countLocalBlobs(db), countPendingBlobs(db)]);
    return { total, pending };
  }, [db]);
}
