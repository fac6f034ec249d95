import { useLiveQuery } from 'dexie-react-hooks';
import { useProfile } from '../../session/session-context';
import { listMyTasks } from '../../db/repositories/tasks';
import type { TaskRow } from '../../db/repositories/tasks';

/** The signed-in officer's tasks on `today`, overdue first; undefined while loading. */
export function useMyTasks(today: string): TaskRow[] | undefined {
  const { db, session } = useProfile();
  const { id, role, agencyId } = session.user;
  return useLiveQuery(
    () => listMyTasks(db, { id, role, agencyId }, today),
    [db, id, role, agencyId, today],
  );
}
