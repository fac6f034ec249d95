// The names a case screen shows for the ids a case holds: enterprises and officers from this
// device's directory (an id not on the device is shown as it is).
import { useLiveQuery } from 'dexie-react-hooks';
import { enterpriseNames } from '../../db/repositories/enterprises';
import { listUserDirectory } from '../../db/repositories/users';
import { useProfile } from '../../session/session-context';

export interface CaseNames {
  enterprise: (id: string) => string;
  user: (id: string) => string;
  /** Whether both are read: a printed document waits for them rather than print ids. */
  loaded: boolean;
}

export function useCaseNames(): CaseNames {
  const { db } = useProfile();
  const enterprises = useLiveQuery(() => enterpriseNames(db), [db]);
  const users = useLiveQuery(
    async () => new Map((await listUserDirectory(db)).map((u) => [u.id, u.displayName])),
    [db],
  );
  return {
    enterprise: (id) => enterprises?.get(id) ?? id,
    user: (id) => users?.get(id) ?? id,
    loaded: enterprises !== undefined && users !== undefined,
  };
}
