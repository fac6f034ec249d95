// Hazards of a submitted inspection change only by amendment: a correction of a recorded hazard,
// or a hazard added after submission. Either is kept in the inspection's amendment history with
// its reason, author, time, the hazard and each changed field before and after as readable text.
import type { Finding } from '../schemas/finding';
import { findingSchema } from '../schemas/finding';
import type { AmendmentChange, Inspection } from '../schemas/inspection';
import { MAX_AMENDMENTS, startAmendment } from './amendment';
import type { AmendmentProblem } from './amendment';

/** What an amendment may change of a hazard: what the officers wrote in the hazard form. */
export const AMENDABLE_FINDING_FIELDS = [
  'title',
  'description',
  'category',
  'grade',
  'legalBasis',
  'requirement',
  'deadline',
  'responsiblePerson',
  'photos',
] as const satisfies readonly (keyof Finding)[];

export type AmendableFindingField = (typeof AMENDABLE_FINDING_FIELDS)[number];

/** The fields a hazard correction leaves as they are (sync fields aside). */
const KEPT_FIELDS = [
  'id',
  'createdBy',
  'deletedAt',
  'inspectionId',
  'enterpriseId',
  'itemId',
  'status',
  'verification',
  'rectification',
  'history',
  'extensions',
] as const satisfies readonly (keyof Finding)[];

export type FindingAmendmentProblem =
  | AmendmentProblem
  | { code: 'amendment.findingInvalid' }
  | { code: 'amendment.findingMismatch' }
  | { code: 'amendment.deadlineByRectification' };

export type FindingAmendmentResult =
  | { ok: true; inspection: Inspection; finding: Finding; changes: AmendmentChange[] }
  | { ok: false; problems: FindingAmendmentProblem[] };

type Content = Pick<Finding, AmendableFindingField>;

/**
 * A field's value as the history keeps it: text as written, category and grade as their codes
 * (translated when shown), the deadline as its date, photos as how many there are.
 */
function readable(finding: Content, field: AmendableFindingField): string {
  const value = finding[field];
  return Array.isArray(value) ? String(value.length) : value;
}

function samePhotos(a: Content['photos'], b: Content['photos']): boolean {
  return a.length === b.length && a.every((p, i) => p.sha256 === b[i]?.sha256);
}

/** Each amendable field that differs, before and after; `previous` null lists every field. */
export function findingChanges(previous: Content | null, next: Content): AmendmentChange[] {
  return AMENDABLE_FINDING_FIELDS.filter((field) => {
    if (previous === null) return true;
    if (field === 'photos') return !samePhotos(previous.photos, next.photos);
    return previous[field] !== next[field];
  }).map((field) => ({
    field,
    before: previous === null ? null : readable(previous, field),
    after: readable(next, field),
  }));
}

function sameKept(previous: Finding, next: Finding): boolean {
  return KEPT_FIELDS.every(
    (field) => JSON.stringify(previous[field] ?? null) === JSON.stringify(next[field] ?? null),
  );
}

/**
 * Amends a hazard of a submitted inspection: `previous` is the stored hazard, or null when the
 * amendment adds `next`. Refuses without a reason, on a draft inspection, for a hazard of another
 * inspection, a hazard the finding schema refuses, a change outside the hazard form's fields, a
 * moved deadline and a change that changes nothing. The amendment (with the hazard and what changed) is appended to
 * the inspection's history; the caller stores both records together.
 */
export function amendFinding(
  inspection: Inspection,
  previous: Finding | null,
  next: Finding,
  amendment: { by: string; at: string; reason: string },
): FindingAmendmentResult {
  const start = startAmendment(inspection, amendment.reason);
  const { reason } = start;
  const problems: FindingAmendmentProblem[] = start.problems;
  const parsed = findingSchema.safeParse(next);
  if (!parsed.success) problems.push({ code: 'amendment.findingInvalid' });
  const belongs =
    next.inspectionId === inspection.id &&
    next.enterpriseId === inspection.enterpriseId &&
    next.deletedAt === null &&
    (previous === null || (previous.deletedAt === null && sameKept(previous, next)));
  if (!belongs) problems.push({ code: 'amendment.findingMismatch' });
  // Once the order is issued, its deadline moves only by a failed re-inspection or a granted
  // extension, never by correcting the record (a hazard added now is given its first deadline).
  if (previous !== null && previous.deadline !== next.deadline) {
    problems.push({ code: 'amendment.deadlineByRectification' });
  }
  const changes = findingChanges(previous, parsed.success ? parsed.data : next);
  if (changes.length === 0) problems.push({ code: 'amendment.nothingChanged' });
  if (inspection.amendments.length >= MAX_AMENDMENTS) {
    problems.push({ code: 'amendment.tooMany', max: MAX_AMENDMENTS });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  // The hazard names its amendment: the server takes each change of it only with one of its own.
  const finding = { ...parsed.data, amendedAt: amendment.at };
  return {
    ok: true,
    finding,
    changes,
    inspection: {
      ...inspection,
      amendments: [
        ...inspection.amendments,
        {
          by: amendment.by,
          at: amendment.at,
          reason,
          findingId: finding.id,
          findingTitle: finding.title,
          ...(previous === null ? { findingAdded: true } : {}),
          changes,
        },
      ],
    },
  };
}
