// What the document register (文书登记) numbers, shared by the server that assigns the numbers and
// the device that prints them: which documents an inspection issues, in whose register, and on
// which day (whose year in China time picks the sequence).
import type { Inspection } from '../schemas/inspection';
import type { User } from '../schemas/user';
import { chinaDateOf, todayInChina } from './calendar-date';
import type { DocumentKind } from './document-number';

type Issuing = Pick<Inspection, 'kind' | 'status' | 'deletedAt'>;

/**
 * The documents a submitted inspection issues: a re-inspection visit its opinion (整改复查意见书);
 * any other its on-site record (现场检查记录), and its rectification order (责令限期整改指令书)
 * when it recorded hazards. A draft issues none.
 */
export function documentsIssued(inspection: Issuing, hasHazards: boolean): DocumentKind[] {
  if (inspection.status !== 'submitted' || inspection.deletedAt !== null) return [];
  if (inspection.kind === 'reinspection') return ['reinspection'];
  return hasHazards ? ['record', 'order'] : ['record'];
}

/**
 * The agency whose register numbers the inspection's documents: the lead's. A joint inspection
 * of several agencies is issued under each agency's name, but only one register may number it,
 * or the same document would carry two numbers; the lead's agency is the one that heads the
 * document (its agencies list the lead's first) and answers for it.
 */
export function registeringAgencyId(
  inspection: Pick<Inspection, 'leadInspectorId' | 'agencyIds'>,
  users: ReadonlyMap<string, Pick<User, 'agencyId'>>,
): string | undefined {
  return users.get(inspection.leadInspectorId)?.agencyId ?? inspection.agencyIds[0];
}

/**
 * The day the inspection issued its documents, in China time: when it was finished (handed in)
 * on site, which may be days before it reached the server. A device whose clock runs ahead
 * cannot date a document after the server's today, nor so into a later year's register.
 */
export function documentIssuedOn(
  inspection: Pick<Inspection, 'startedAt' | 'finishedAt'>,
  now: Date,
): string {
  const issued = chinaDateOf(inspection.finishedAt ?? inspection.startedAt);
  const today = todayInChina(now);
  return issued < today ? issued : today;
}

/** The register year of a document issued on `issuedOn` (YYYY-MM-DD, China time). */
export function documentYear(issuedOn: string): number {
  return Number(issuedOn.slice(0, 4));
}
