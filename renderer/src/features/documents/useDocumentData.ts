// What the printed documents of one inspection show, read live from the local database: the
// inspection, its enterprise, its hazards (oldest first, as found), officers and agencies.
import { useLiveQuery } from 'dexie-react-hooks';
import type { Agency } from '../../../../domain/schemas/agency';
import type { RegisteredDocument } from '../../../../domain/schemas/document';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../../db/database';
import { getAgencies } from '../../db/repositories/agencies';
import { getEnterpriseRecord } from '../../db/repositories/enterprises';
import { listFindingRecordsOfInspections } from '../../db/repositories/findings';
import { getInspection, getInspectionRecords } from '../../db/repositories/inspections';
import { inspectionTemplateIds } from '../../db/repositories/inspection-signing';
import { getTemplates } from '../../db/repositories/templates';
import { listIssuedDocuments } from '../../db/repositories/documents';
import { getDirectoryUsers } from '../../db/repositories/users';
import { useProfile } from '../../session/session-context';

export interface DocumentData {
  inspection: Inspection;
  enterprise: Enterprise | null;
  findings: Finding[];
  officers: User[];
  agencies: Agency[];
  templates: ChecklistTemplate[];
  /** The re-inspection visits named by the hazards' verifications, oldest first. */
  reinspections: Inspection[];
  /** The officers of those visits. */
  reinspectionOfficers: User[];
  /** The official numbers the server registered for the inspection's and the visits' documents. */
  documents: RegisteredDocument[];
}

export async function loadDocumentData(
  db: FieldInspectorDb,
  inspectionId: string,
): Promise<DocumentData | null> {
  const inspection = await getInspection(db, inspectionId);
  if (!inspection) return null;
  const officerIds = [...new Set([inspection.leadInspectorId, ...inspection.coInspectorIds])];
  const [enterprise, findings, officers, agencies, templates] = await Promise.all([
    getEnterpriseRecord(db, inspection.enterpriseId),
    listFindingRecordsOfInspections(db, [inspectionId]),
    getDirectoryUsers(db, officerIds),
    getAgencies(db, inspection.agencyIds),
    getTemplates(db, inspectionTemplateIds(inspection)),
  ]);
  const visitIds = [
    ...new Set(findings.flatMap((f) => (f.verification ? [f.verification.inspectionId] : []))),
  ];
  const visits = (await getInspectionRecords(db, visitIds))
    .filter((v): v is Inspection => v !== undefined && v.deletedAt === null)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const visitOfficerIds = [
    ...new Set(visits.flatMap((v) => [v.leadInspectorId, ...v.coInspectorIds])),
  ];
  const visitOfficers = await getDirectoryUsers(db, visitOfficerIds);
  const documents = await listIssuedDocuments(
    db,
    inspectionId,
    visits.map((v) => v.id),
  );
  return {
    documents,
    reinspections: visits,
    reinspectionOfficers: visitOfficers.filter((u) => u !== undefined),
    inspection,
    enterprise: enterprise ?? null,
    // Ids are UUIDv7 made when the hazard was recorded: their order is the order found.
    findings: findings.filter((f) => f.deletedAt === null).sort((a, b) => a.id.localeCompare(b.id)),
    officers: officers.filter((u) => u !== undefined),
    agencies: agencies.filter((a) => a !== undefined),
    templates,
  };
}

/** undefined while loading, null when the inspection is not on this device. */
export function useDocumentData(inspectionId: string): DocumentData | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => loadDocumentData(db, inspectionId), [db, inspectionId]);
}
