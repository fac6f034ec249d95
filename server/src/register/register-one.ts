// Numbering one document that a record other than an inspection issues (a penalty case's stages,
// an extension's grant): its number from the agency's gapless counter for the kind and year
// (assign-numbers.ts), its register row naming the issuing record, and the `document` record
// devices pull. The caller writes the record and holds the transaction.
import { documentNumber } from '../../../domain/rules/document-number';
import { documentYear } from '../../../domain/rules/document-register';
import type { RegisteredDocument } from '../../../domain/schemas/document';
import type { Queryable } from '../db/database';
import { numberingName, takeSequence } from './assign-numbers';
import { newRecordEnvelope } from '../db/new-record';

/** The document to number: what it says of itself, the register's agency, and its source. */
export type DocumentToNumber = Pick<
  RegisteredDocument,
  | 'kind'
  | 'inspectionId'
  | 'caseId'
  | 'findingId'
  | 'extensionId'
  | 'enterpriseId'
  | 'agencyId'
  | 'issuedOn'
  | 'officerIds'
> & {
  /** The agency's full name, which the number is printed with (its short form). */
  agencyName: string;
  /** The record that issues it (the case, the extension request): the register row's source. */
  sourceId: string;
};

/** Takes the next number for the document and registers it; answers the record to write. */
export async function registerOneDocument(
  tx: Queryable,
  doc: DocumentToNumber,
  by: string,
  now: Date,
): Promise<RegisteredDocument> {
  const { agencyName, sourceId, ...fields } = doc;
  const year = documentYear(doc.issuedOn);
  const sequence = await takeSequence(tx, { agencyId: doc.agencyId, kind: doc.kind, year }, 1);
  const document: RegisteredDocument = {
    ...newRecordEnvelope(by, now.toISOString()),
    ...fields,
    year,
    sequence,
    number: documentNumber({
      agencyShortName: numberingName(agencyName),
      kind: doc.kind,
      year,
      sequence,
    }),
  };
  await tx.query(
    `INSERT INTO document_register (agency_id, kind, year, sequence, number, document_id,
       inspection_id, source_id, issued_on, registered_at)
     VALUES ($1::uuid, $2, $3, $4, $5, $6::uuid, $7::uuid, $8::uuid, $9::date, $10::timestamptz)`,
    [
      document.agencyId,
      document.kind,
      year,
      sequence,
      document.number,
      document.id,
      document.inspectionId,
      sourceId,
      document.issuedOn,
      now.toISOString(),
    ],
  );
  return document;
}
