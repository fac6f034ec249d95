import { useLiveQuery } from 'dexie-react-hooks';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import { getEnterprise } from '../../db/repositories/enterprises';
import { listTemplates } from '../../db/repositories/templates';
import { listCertifiedInspectors } from '../../db/repositories/users';

export interface StartInspectionData {
  enterprise: Enterprise | null;
  templates: ChecklistTemplate[];
  inspectors: User[];
}

/** What the start-inspection screen chooses from; undefined while loading. */
export function useStartInspectionData(enterpriseId: string): StartInspectionData | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const [enterprise, templates, inspectors] = await Promise.all([
      getEnterprise(db, enterpriseId),
      listTemplates(db),
      listCertifiedInspectors(db),
    ]);
    return { enterprise: enterprise ?? null, templates, inspectors };
  }, [db, enterpriseId]);
}
