// The lock on a submitted inspection: which changes are plain edits (refused), which are
// amendments (allowed with a reason, kept in `amendments`), and which no one may make.
import type { Amendment, Inspection } from '../schemas/inspection';
import { inspectionChanges, sameValue } from './inspection-changes';

/** What the officers recorded on site: locked once submitted, changed only by amendment. */
export const INSPECTION_CONTENT_FIELDS = [
  'enterpriseId',
  'templateId',
  'templateVersion',
  'templateRefs',
  'kind',
  'agencyIds',
  'leadInspectorId',
  'coInspectorIds',
  'startedAt',
  'finishedAt',
  'location',
  'itemResults',
  'enterpriseRep',
  'signatures',
  'refusedToSign',
] as const satisfies readonly (keyof Inspection)[];

/**
 * Never changed after submission, not even by amendment: the record's identity, its submitted
 * state (an official record is not withdrawn into a draft), its existence (a tombstone would
 * erase it) and the amendment history itself, which only grows.
 */
export const INSPECTION_FIXED_FIELDS = [
  'id',
  'createdBy',
  'status',
  'deletedAt',
  'amendments',
] as const satisfies readonly (keyof Inspection)[];

export type InspectionContentField = (typeof INSPECTION_CONTENT_FIELDS)[number];
export type InspectionFixedField = (typeof INSPECTION_FIXED_FIELDS)[number];
export type InspectionLockedField = InspectionContentField | InspectionFixedField;

// `version` and `updatedAt` belong to sync and `review` to the supervisor: neither is locked
// against the inspector's edit here (the server enforces who may write `review`).

/**
 * The locked fields that differ between a submitted inspection and a proposed next state; empty
 * when `previous` is still a draft (drafts are edited freely). A repository refuses a plain save
 * that returns anything here: the change must go through `amendInspection`.
 */
export function lockedFieldsChanged(
  previous: Inspection,
  next: Inspection,
): InspectionLockedField[] {
  if (previous.status !== 'submitted') return [];
  return [...INSPECTION_CONTENT_FIELDS, ...INSPECTION_FIXED_FIELDS].filter(
    (field) => !sameValue(previous[field], next[field]),
  );
}

export type AmendmentProblem =
  | { code: 'amendment.notSubmitted' }
  | { code: 'amendment.reasonRequired' }
  | { code: 'amendment.reasonTooLong'; max: number }
  | { code: 'amendment.reviewChanged' }
  | { code: 'amendment.fieldFixed'; field: InspectionFixedField }
  | { code: 'amendment.nothingChanged' }
  | { code: 'amendment.tooMany'; max: number };

export type AmendmentResult =
  | { ok: true; inspection: Inspection; changed: InspectionContentField[] }
  | { ok: false; problems: AmendmentProblem[] };

/** Limits of the inspection schema's `amendments` (entries and reason length). */
export const MAX_AMENDMENTS = 200;
export const MAX_REASON_CHARS = 1000;

/**
 * The checks every amendment of `inspection` starts with, whatever it changes: the inspection is
 * submitted, and a reason is given, not too long. Returns the reason trimmed and the problems
 * found, to which the caller adds its own.
 */
export function startAmendment(
  inspection: Inspection,
  rawReason: string,
): { reason: string; problems: AmendmentProblem[] } {
  const problems: AmendmentProblem[] = [];
  if (inspection.status !== 'submitted') problems.push({ code: 'amendment.notSubmitted' });
  const reason = rawReason.trim();
  if (reason === '') problems.push({ code: 'amendment.reasonRequired' });
  else if (Array.from(reason).length > MAX_REASON_CHARS) {
    problems.push({ code: 'amendment.reasonTooLong', max: MAX_REASON_CHARS });
  }
  return { reason, problems };
}

/**
 * Applies an amendment to a submitted inspection: the content of `next` with the reason, author,
 * time and each changed field (before and after as readable text) appended to the history.
 * `next.amendments` is ignored, so a caller cannot rewrite the history. Refuses an amendment with
 * no reason, one that touches the supervisor's review or a fixed field, and one that changes
 * nothing (the history records changes, not notes).
 */
export function amendInspection(
  previous: Inspection,
  next: Inspection,
  amendment: { by: string; at: string; reason: string },
): AmendmentResult {
  const { reason, problems } = startAmendment(previous, amendment.reason);
  if (!sameValue(previous.review, next.review)) problems.push({ code: 'amendment.reviewChanged' });
  for (const field of INSPECTION_FIXED_FIELDS) {
    if (field !== 'amendments' && !sameValue(previous[field], next[field])) {
      problems.push({ code: 'amendment.fieldFixed', field });
    }
  }
  const changed = INSPECTION_CONTENT_FIELDS.filter((f) => !sameValue(previous[f], next[f]));
  if (changed.length === 0) problems.push({ code: 'amendment.nothingChanged' });
  if (previous.amendments.length >= MAX_AMENDMENTS) {
    problems.push({ code: 'amendment.tooMany', max: MAX_AMENDMENTS });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    changed,
    inspection: {
      ...next,
      amendments: [
        ...previous.amendments,
        {
          by: amendment.by,
          at: amendment.at,
          reason,
          changes: inspectionChanges(previous, next, INSPECTION_CONTENT_FIELDS),
        },
      ],
    },
  };
}

/**
 * When the server received an amendment, or the device's time for one it has not yet received:
 * what a review decision (a server time) is compared with.
 */
export function amendmentTime(amendment: Pick<Amendment, 'at' | 'recordedAt'>): number {
  return Date.parse(amendment.recordedAt ?? amendment.at);
}

/**
 * Whether a submitted inspection is in the supervisor's review queue: never reviewed, sent back
 * to review by an amendment (pending again), or decided and amended since (a record amended
 * before amendments reopened the review, or one whose reopening has not reached this device).
 */
export function awaitsReview(
  inspection: Pick<Inspection, 'status' | 'review' | 'amendments' | 'deletedAt'>,
): boolean {
  if (inspection.status !== 'submitted' || inspection.deletedAt !== null) return false;
  const { review } = inspection;
  if (review.status === 'pending') return true;
  if (review.reviewedAt === null) return false;
  const decidedAt = Date.parse(review.reviewedAt);
  return inspection.amendments.some((a) => amendmentTime(a) > decidedAt);
}
