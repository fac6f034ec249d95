import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../app/session-context';
import { listFindings } from '../../db/repositories/findings';
import type { FindingRow } from '../../db/repositories/findings';

/** Every finding on this device, earliest deadline first (undefined while loading). */
export function useFindings(): FindingRow[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => listFindings(db), [db]);
}
