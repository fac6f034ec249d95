import { useLiveQuery } from 'dexie-react-hooks';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import { useProfile } from '../../session/session-context';
import type { FindingDraftRow } from '../../db/database';
import { getEnterprise } from '../../db/repositories/enterprises';
import {
  listFindingDraftsOfInspection,
  listFindingsOfInspection,
} from '../../db/repositories/findings';
import { getInspection } from '../../db/repositories/inspections';
import { getTemplates } from '../../db/repositories/templates';
import { templateIdsOf } from './checklist-sections';

export interface ChecklistData {
  inspection: Inspection;
  enterpriseName: string;
  /** The enterprise's registered position; null when the enterprise is not on this device. */
  enterprisePosition: { lat: number; lon: number } | null;
  templates: ChecklistTemplate[];
  /** Template ids the inspection names that are not on this device. */
  missingTemplateIds: string[];
  findings: Finding[];
  drafts: FindingDraftRow[];
}

/** One inspection with everything its checklist screen shows, live; null when not found. */
export function useChecklist(id: string): ChecklistData | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const inspection = await getInspection(db, id);
    if (!inspection) return null;
    const ids = templateIdsOf(inspection);
    const [enterprise, templates, findings, drafts] = await Promise.all([
      getEnterprise(db, inspection.enterpriseId),
      getTemplates(db, ids),
      listFindingsOfInspection(db, id),
      listFindingDraftsOfInspection(db, id),
    ]);
    const found = new Set(templates.map((t) => t.id));
    return {
      inspection,
      enterpriseName: enterprise?.name ?? '—',
      enterprisePosition: enterprise ? { lat: enterprise.lat, lon: enterprise.lon } : null,
      templates,
      missingTemplateIds: ids.filter((t) => !found.has(t)),
      findings,
      drafts,
    };
  }, [db, id]);
}
