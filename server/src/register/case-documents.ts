// Owns numbering a penalty case's documents in the document register: its filing approval form
// (立案审批表, whose number is the case number) when a supervisor approves it, its notice
// (行政处罚告知书) and its decision (行政处罚决定书) when the case enters those stages. Numbers
// come from the same gapless counters as inspections' documents (assign-numbers.ts), in the
// same transaction as the case's change, and reach devices as `document` records.
import { v7 as uuidv7 } from 'uuid';
import { agencyShortName } from '../../../domain/rules/agency-short-name';
import { todayInChina } from '../../../domain/rules/calendar-date';
import { documentNumber } from '../../../domain/rules/document-number';
import { documentYear } from '../../../domain/rules/document-register';
import type { RegisteredDocument } from '../../../domain/schemas/document';
import type { CaseDocumentKind, PenaltyCase } from '../../../domain/schemas/penalty-case';
import type { Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';
import { takeSequence } from './assign-numbers';

const UNKNOWN_AGENCY = '执法';

/** Numbers the case's document of `kind`, issued today: answers its entry for the case. */
export async function registerCaseDocument(
  tx: Queryable,
  c: PenaltyCase,
  kind: CaseDocumentKind,
  by: string,
  officerIds: readonly string[],
  now: Date,
): Promise<PenaltyCase['documents'][number]> {
  const issuedOn = todayInChina(now);
  const year = documentYear(issuedOn);
  const sequence = await takeSequence(tx, { agencyId: c.agencyId, kind, year }, 1);
  const [agency] = await tx.query<{ name: string | null }>(
    `SELECT data->>'name' AS name FROM records WHERE entity = 'agency' AND id = $1::uuid`,
    [c.agencyId],
  );
  const shortName = agencyShortName(agency?.name ?? '') || UNKNOWN_AGENCY;
  const document: RegisteredDocument = {
    id: uuidv7(),
    version: 0,
    updatedAt: now.toISOString(),
    deletedAt: null,
    createdBy: by,
    kind,
    inspectionId: c.origin.inspectionId,
    caseId: c.id,
    enterpriseId: c.enterpriseId,
    agencyId: c.agencyId,
    year,
    sequence,
    number: documentNumber({ agencyShortName: shortName, kind, year, sequence }),
    issuedOn,
    officerIds: [...new Set(officerIds)],
  };
  await tx.query(
    `INSERT INTO document_register (agency_id, kind, year, sequence, number, document_id,
       inspection_id, source_id, issued_on, registered_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid, $7::uuid, $8::uuid, $9::date, $10::timestamptz)`,
    [
      document.agencyId,
      kind,
      year,
      sequence,
      document.number,
      document.id,
      document.inspectionId,
      c.id,
      issuedOn,
      now.toISOString(),
    ],
  );
  await writeRecords(tx, [{ entity: 'document', data: document, deviceId: null }]);
  return { kind, documentId: document.id, number: document.number, issuedOn };
}
