import { useLiveQuery } from 'dexie-react-hooks';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { getEnterpriseRecord } from '../../db/repositories/enterprises';
import { getFinding } from '../../db/repositories/findings';
import { getInspectionRecord } from '../../db/repositories/inspections';
import { getDirectoryUsers } from '../../db/repositories/users';
import { useProfile } from '../../session/session-context';
import { peopleInHistory } from './finding-timeline';

export interface FindingDetail {
  finding: Finding;
  enterprise: Enterprise | null;
  /** The inspection that found the hazard, if on this device. */
  inspection: Inspection | null;
  /** Display names of the people named in the hazard's history. */
  people: Map<string, string>;
}

/** A hazard with what its detail shows; undefined while loading, null when not on this device. */
export function useFindingDetail(findingId: string | null): FindingDetail | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    if (findingId === null) return null;
    const finding = await getFinding(db, findingId);
    if (!finding) return null;
    const [enterprise, inspection, users] = await Promise.all([
      getEnterpriseRecord(db, finding.enterpriseId),
      getInspectionRecord(db, finding.inspectionId),
      getDirectoryUsers(db, peopleInHistory(finding)),
    ]);
    const people = new Map<string, string>();
    for (const u of users) if (u) people.set(u.id, u.displayName);
    return { finding, enterprise: enterprise ?? null, inspection: inspection ?? null, people };
  }, [db, findingId]);
}
