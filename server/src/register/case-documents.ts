// Owns numbering a penalty case's documents in the document register: its filing approval form
// (立案审批表, whose number is the case number) when a supervisor approves it, its notice
// (行政处罚告知书) and its decision (行政处罚决定书) when the case enters those stages. Numbers
// come from the same gapless counters as inspections' documents (assign-numbers.ts), in the
// same transaction as the case's change, and reach devices as `document` records.
import { todayInChina } from '../../../domain/rules/calendar-date';
import type { CaseDocumentKind, PenaltyCase } from '../../../domain/schemas/penalty-case';
import type { Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';
import { registerOneDocument } from './register-one';

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
  const [agency] = await tx.query<{ name: string | null }>(
    `SELECT data->>'name' AS name FROM records WHERE entity = 'agency' AND id = $1::uuid`,
    [c.agencyId],
  );
  const document = await registerOneDocument(
    tx,
    {
      kind,
      inspectionId: c.origin.inspectionId,
      caseId: c.id,
      enterpriseId: c.enterpriseId,
      agencyId: c.agencyId,
      issuedOn,
      officerIds: [...new Set(officerIds)],
      agencyName: agency?.name ?? '',
      sourceId: c.id,
    },
    by,
    now,
  );
  await writeRecords(tx, [{ entity: 'document', data: document, deviceId: null }]);
  return { kind, documentId: document.id, number: document.number, issuedOn };
}
