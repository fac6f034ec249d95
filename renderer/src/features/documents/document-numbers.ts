// The number printed on an inspection's documents: provisional (from the inspection id) until
// the server assigns a sequence, under the short name of the inspection's lead agency.
import { agencyShortName } from '../../../../domain/rules/agency-short-name';
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { provisionalDocumentNumber } from '../../../../domain/rules/document-number';
import type { DocumentKind } from '../../../../domain/rules/document-number';
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
