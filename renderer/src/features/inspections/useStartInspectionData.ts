import { useLiveQuery } from 'dexie-react-hooks';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Task } from '../../../../domain/schemas/task';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import { getEnterprise } from '../../db/repositories/enterprises';
import { getTask } from '../../db/repositories/tasks';
import { listTemplates } from '../../db/repositories/templates';
import { listCertifiedInspectors } from '../../db/repositories/users';

export interface StartInspectionData {
  enterprise: Enterprise | null;
  templates: ChecklistTemplate[];
  inspectors: User[];
  /**
   * The task the inspection is started from: null when none was asked for; 'gone' when this
   * device does not hold it (a redraw removed it) or it is another enterprise's.
   */
  task: Task | null | 'gone';
}

/** What the start-inspection screen chooses from; undefined while loading. */
export function useStartInspectionData(
  enterpriseId: string,
  taskId: string | null = null,
): StartInspectionData | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [enterprise, templates, inspectors, task] = await Promise.all([
      getEnterprise(db, enterpriseId),
      listTemplates(db),
      listCertifiedInspectors(db),
      taskId === null ? null : getTask(db, taskId),
    ]);
    const ofTask = task === null ? null : task?.enterpriseId === enterpriseId ? task : 'gone';
    return { enterprise: enterprise ?? null, templates, inspectors, task: ofTask };
  }, [db, enterpriseId, taskId]);
}
