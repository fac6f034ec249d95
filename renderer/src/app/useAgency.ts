import { useLiveQuery } from 'dexie-react-hooks';
import type { Agency } from '../../../domain/schemas/agency';
import { getAgency } from '../db/repositories/agencies';
import { useProfile } from '../session/session-context';

/** The signed-in user's agency from the local database (undefined while loading or unknown). */
export function useAgency(): Agency | undefined {
  const { db, session } = useProfile();
  return useLiveQuery(() => getAgency(db, session.user.agencyId), [db, session.user.agencyId]);
}
