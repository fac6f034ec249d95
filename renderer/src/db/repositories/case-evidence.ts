// The records of one enterprise that a penalty case may take as evidence, as this device holds
// them: its live submitted inspections, their hazards (with their photos) and the documents the
// register numbered for it. A draft is no record yet: neither it nor its hazards are offered. The server checks each linked item again (server/src/cases/case-evidence.ts).
import type { RegisteredDocument } from '../../../../domain/schemas/document';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { FieldInspectorDb } from '../database';
import { listFindingsOfEnterprise } from './findings';
import { listInspectionsOfEnterprise } from './inspections';

export interface EnterpriseEvidence {
  /** Newest first. */
  inspections: Inspection[];
  /** Earliest deadline first. */
  findings: Finding[];
  /** Latest issued first. */
  documents: RegisteredDocument[];
}

export async function readEnterpriseEvidence(
  db: FieldInspectorDb,
  enterpriseId: string,
): Promise<EnterpriseEvidence> {
  const [all, findings, documents] = await Promise.all([
    listInspectionsOfEnterprise(db, enterpriseId),
    listFindingsOfEnterprise(db, enterpriseId),
    // The register's table has no enterprise index; a district's documents are few enough to
    // read through, and an index would cost a Dexie version for this one list.
    db.documents.filter((d) => d.enterpriseId === enterpriseId && d.deletedAt === null).toArray(),
  ]);
  documents.sort((a, b) =>
    a.issuedOn === b.issuedOn ? b.number.localeCompare(a.number) : a.issuedOn < b.issuedOn ? 1 : -1,
  );
  const drafts = new Set(all.filter((i) => i.status === 'draft').map((i) => i.id));
  return {
    inspections: all.filter((i) => !drafts.has(i.id)),
    findings: findings.filter((f) => !drafts.has(f.inspectionId)),
    documents,
  };
}
