import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { listInspections } from '../../db/repositories/inspections';
import type { InspectionRow } from '../../db/repositories/inspections';

/** Every inspection on this device, newest first (undefined while loading). */
export function useInspections(): InspectionRow[] | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => listInspections(db), [db]);
}
