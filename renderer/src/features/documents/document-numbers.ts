// The number printed on an inspection's documents: the official one once the server's register
// has numbered it and the device has pulled it; until then a provisional one (from the
// inspection id), under the short name of the inspection's lead agency.
import { agencyShortName } from '../../../../domain/rules/agency-short-name';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { provisionalDocumentNumber } from '../../../../domain/rules/document-number';
import type { DocumentKind } from '../../../../domain/rules/document-number';
import type { RegisteredDocument } from '../../../../domain/schemas/document';
import type { Inspection } from '../../../../domain/schemas/inspection';

// Kept here for the documents' importers; the rule is the domain's (the server numbers with it).
export { agencyShortName };

export function inspectionDocumentNumber(
  kind: DocumentKind,
  inspection: Pick<Inspection, 'id' | 'startedAt'>,
  agencyName: string | undefined,
): string {
  return provisionalDocumentNumber({
    agencyShortName: agencyShortName(agencyName ?? '') || '执法',
    kind,
    year: Number(chinaDateOf(inspection.startedAt).slice(0, 4)),
    inspectionId: inspection.id,
  });
}

export interface PrintedNumber {
  number: string;
  /** False while the number is provisional (…临XXXXXXXX号): the document says so. */
  official: boolean;
}

/** The official number of the inspection's document of `kind` if held, else the provisional one. */
export function printedDocumentNumber(
  kind: DocumentKind,
  inspection: Pick<Inspection, 'id' | 'startedAt'>,
  agencyName: string | undefined,
  documents: readonly Pick<RegisteredDocument, 'kind' | 'inspectionId' | 'number'>[],
): PrintedNumber {
  const registered = documents.find((d) => d.kind === kind && d.inspectionId === inspection.id);
  return registered
    ? { number: registered.number, official: true }
    : { number: inspectionDocumentNumber(kind, inspection, agencyName), official: false };
}
