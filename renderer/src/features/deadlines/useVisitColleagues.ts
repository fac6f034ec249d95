import { useLiveQuery } from 'dexie-react-hooks';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import { listCertifiedInspectors } from '../../db/repositories/users';

/**
 * Who may be named a co-inspector of the signed-in officer's re-inspection visit: the certified
 * inspectors of this device's user directory, but the officer; undefined while loading.
 */
export function useVisitColleagues(): User[] | undefined {
  const { db, session } = useProfile();
  const me = session.user.id;
  return useLiveQuery(
    async () => (await listCertifiedInspectors(db)).filter((u) => u.id !== me),
    [db, me],
  );
}
