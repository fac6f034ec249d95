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
import { inspectionTemplateIds } from '../../db/repositories/inspection-signing';
import { useProfile } from '../../app/session-context';

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
  const inspection = await db.inspections.get(inspectionId);
  if (!inspection || inspection.deletedAt !== null) return null;
  const officerIds = [...new Set([inspection.leadInspectorId, ...inspection.coInspectorIds])];
  const [enterprise, findings, officers, agencies, templates] = await Promise.all([
    db.enterprises.get(inspection.enterpriseId),
    db.findings.where('inspectionId').equals(inspectionId).toArray(),
    db.users.bulkGet(officerIds),
    db.agencies.bulkGet(inspection.agencyIds),
    db.templates.bulkGet(inspectionTemplateIds(inspection)),
  ]);
  const visitIds = [
    ...new Set(findings.flatMap((f) => (f.verification ? [f.verification.inspectionId] : []))),
  ];
  const visits = (await db.inspections.bulkGet(visitIds))
    .filter((v): v is Inspection => v !== undefined && v.deletedAt === null)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const visitOfficerIds = [
    ...new Set(visits.flatMap((v) => [v.leadInspectorId, ...v.coInspectorIds])),
  ];
  const visitOfficers = await db.users.bulkGet(visitOfficerIds);
  const documents = await db.documents
    .where('[inspectionId+kind]')
    .between([inspectionId, ''], [inspectionId, '\uffff'])
    .toArray();
  for (const visit of visits) {
    const opinion = await db.documents.get({ inspectionId: visit.id, kind: 'reinspection' });
    if (opinion) documents.push(opinion);
  }
  return {
    documents: documents.filter((d) => d.deletedAt === null),
    reinspections: visits,
    reinspectionOfficers: visitOfficers.filter((u) => u !== undefined),
    inspection,
    enterprise: enterprise ?? null,
    // Ids are UUIDv7 made when the hazard was recorded: their order is the order found.
    findings: findings.filter((f) => f.deletedAt === null).sort((a, b) => a.id.localeCompare(b.id)),
    officers: officers.filter((u) => u !== undefined),
    agencies: agencies.filter((a) => a !== undefined),
    templates: templates.filter((t) => t !== undefined),
  };
}

/** undefined while loading, null when the inspection is not on this device. */
export function useDocumentData(inspectionId: string): DocumentData | null | undefined {
  const { db } = useProfile();
  return useLiveQuery(() => loadDocumentData(db, inspectionId), [db, inspectionId]);
}
