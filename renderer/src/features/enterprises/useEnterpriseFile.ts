import { useLiveQuery } from 'dexie-react-hooks';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { useProfile } from '../../session/session-context';
import { getEnterprise } from '../../db/repositories/enterprises';
import { listFindingsOfEnterprise } from '../../db/repositories/findings';
import { listInspectionsOfEnterprise } from '../../db/repositories/inspections';

export interface EnterpriseFile {
  enterprise: Enterprise;
  inspections: Inspection[];
  findings: Finding[];
}

/** One enterprise's file, live; undefined while loading, null when it is not on this device. */
export function useEnterpriseFile(id: string): EnterpriseFile | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const enterprise = await getEnterprise(db, id);
    if (!enterprise) return null;
    const [inspections, findings] = await Promise.all([
      listInspectionsOfEnterprise(db, id),
      listFindingsOfEnterprise(db, id),
    ]);
    return { enterprise, inspections, findings };
  }, [db, id]);
}
