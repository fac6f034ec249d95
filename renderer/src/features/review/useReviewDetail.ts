// Everything the review detail reads about one inspection, live from the local database: the
// record, its enterprise, its hazards, the checklist item texts and the people it names.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import { useProfile } from '../../session/session-context';
import { getEnterpriseRecord } from '../../db/repositories/enterprises';
import { listFindingRecordsOfInspections } from '../../db/repositories/findings';
import { getInspection } from '../../db/repositories/inspections';
import { inspectionTemplateIds } from '../../db/repositories/inspection-signing';
import { getTemplates } from '../../db/repositories/templates';
import { listUserDirectory } from '../../db/repositories/users';
import { itemTexts } from '../submission/problem-text';

export interface ReviewDetailData {
  inspection: Inspection;
  enterpriseName: string | null;
  /** The enterprise's registered position; null when the enterprise is not on this device. */
  enterprisePosition: { lat: number; lon: number } | null;
  findings: Finding[];
  /** Checklist item id → its text, from the templates on this device. */
  items: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, User>;
}

/** undefined while loading, null when the inspection is not on this device. */
export function useReviewDetail(inspectionId: string): ReviewDetailData | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const inspection = await getInspection(db, inspectionId);
    if (!inspection) return null;
    const [enterprise, findings, templates, users] = await Promise.all([
      getEnterpriseRecord(db, inspection.enterpriseId),
      listFindingRecordsOfInspections(db, [inspectionId]),
      getTemplates(db, inspectionTemplateIds(inspection)),
      listUserDirectory(db),
    ]);
    return {
      inspection,
      enterpriseName: enterprise?.name ?? null,
      enterprisePosition: enterprise ? { lat: enterprise.lat, lon: enterprise.lon } : null,
      findings: findings
        .filter((f) => f.deletedAt === null)
        // Ids are UUIDv7: their order is the order the hazards were recorded in.
        .sort((a, b) => a.id.localeCompare(b.id)),
      items: itemTexts(templates),
      users: new Map(users.map((u) => [u.id, u])),
    };
  }, [db, inspectionId]);
}
