// The rectification cycle of a hazard as pure transitions: the enterprise reports it has put the
// hazard right (open → rectified), and a re-inspection verifies it (rectified → closed when it
// passed, rectified → open with a new, later deadline when it failed). Each step is appended to
// the finding's history so that nothing a re-inspection found is lost to a later one.
import type { PhotoRef } from '../schemas/photo-evidence';
import type { Finding, FindingEvent, Verification } from '../schemas/finding';
import type { Inspection } from '../schemas/inspection';
import { isCalendarDate } from './calendar-date';

export type RectificationProblem =
  | 'notOpen'
  | 'notRectified'
  | 'reportedOn.invalid'
  | 'reportedOn.future'
  | 'photos.required'
  | 'photos.tooMany'
  | 'newDeadline.required'
  | 'newDeadline.notAfterToday'
  | 'note.tooLong';

/** Thrown by the transitions; `code` says which rule refused. */
export class RectificationError extends Error {
  override readonly name = 'RectificationError';
  constructor(readonly code: RectificationProblem) {
    super(`rectification refused: ${code}`);
  }
}

const MAX_NOTE = 2000;
const MAX_PHOTOS = 20;

export interface RectificationReportInput {
  /** YYYY-MM-DD: the date of the enterprise's report; not after today. */
  reportedOn: string;
  note: string;
}

export interface ReinspectionInput {
  result: 'passed' | 'failed';
  /** After-photos, with when and where each was taken; a passed re-inspection needs at least one. */
  photos: PhotoRef[];
  note: string;
  /** Required when failed: a date later than today. Ignored when passed. */
  newDeadline: string | null;
}

/** The re-inspection visit a verification names: its id and its officers. */
export type ReinspectionVisit = Pick<Inspection, 'id' | 'leadInspectorId' | 'coInspectorIds'>;

/** The officers of an inspection as a verification keeps them: the lead first. */
export function officersOf(
  visit: Pick<Inspection, 'leadInspectorId' | 'coInspectorIds'>,
): string[] {
  return [visit.leadInspectorId, ...visit.coInspectorIds];
}

/**
 * Who records a step and when; `today` is the district's calendar date of `at`, the latest date
 * a step may state and the earliest a new deadline may not be.
 */
export interface Actor {
  userId: string;
  at: string;
  today: string;
}

/** Why a report of rectification cannot be recorded, or null when it can. */
export function rectificationReportProblem(
  finding: Pick<Finding, 'status'>,
  input: RectificationReportInput,
  today: string,
): RectificationProblem | null {
  // An overdue hazard is stored as open: the enterprise may still report it late.
  if (finding.status !== 'open') return 'notOpen';
  if (!isCalendarDate(input.reportedOn)) return 'reportedOn.invalid';
  if (input.reportedOn > today) return 'reportedOn.future';
  if (input.note.trim().length > MAX_NOTE) return 'note.tooLong';
  return null;
}

/** Why a re-inspection cannot be recorded, or null when it can. */
export function reinspectionProblem(
  finding: Pick<Finding, 'status'>,
  input: ReinspectionInput,
  today: string,
): RectificationProblem | null {
  if (finding.status !== 'rectified') return 'notRectified';
  if (input.photos.length > MAX_PHOTOS) return 'photos.tooMany';
  if (input.note.trim().length > MAX_NOTE) return 'note.tooLong';
  if (input.result === 'passed') {
    return input.photos.length === 0 ? 'photos.required' : null;
  }
  if (input.newDeadline === null || !isCalendarDate(input.newDeadline)) {
    return 'newDeadline.required';
  }
  // The enterprise needs at least a day: a deadline of today would be overdue by tomorrow.
  if (input.newDeadline <= today) return 'newDeadline.notAfterToday';
  return null;
}

/** The finding after the enterprise's report: status `rectified`, the report kept. */
export function reportRectification(
  finding: Finding,
  input: RectificationReportInput,
  actor: Actor,
): Finding {
  const problem = rectificationReportProblem(finding, input, actor.today);
  if (problem) throw new RectificationError(problem);
  const report = {
    reportedOn: input.reportedOn,
    note: input.note.trim(),
    recordedBy: actor.userId,
    recordedAt: actor.at,
  };
  return {
    ...finding,
    status: 'rectified',
    rectification: report,
    history: [...(finding.history ?? []), { kind: 'rectificationReported', report }],
    updatedAt: actor.at,
  };
}

/**
 * The finding after a re-inspection made during `visit` (an inspection of kind reinspection) at
 * `actor.at`: closed with the verification when it passed; open again with the new deadline when
 * it failed. The verification keeps the visit's officers.
 */
export function recordReinspection(
  finding: Finding,
  input: ReinspectionInput,
  actor: Actor,
  visit: ReinspectionVisit,
): Finding {
  const problem = reinspectionProblem(finding, input, actor.today);
  if (problem) throw new RectificationError(problem);
  const note = input.note.trim();
  const verification: Verification = {
    inspectionId: visit.id,
    verifiedBy: actor.userId,
    verifiedAt: actor.at,
    result: input.result,
    photos: input.photos,
    ...(note === '' ? {} : { note }),
    officerIds: officersOf(visit),
  };
  const passed = input.result === 'passed';
  const newDeadline = passed ? null : input.newDeadline;
  const event: FindingEvent = {
    kind: 'reinspected',
    verification,
    deadlineBefore: finding.deadline,
    newDeadline,
  };
  return {
    ...finding,
    status: passed ? 'closed' : 'open',
    deadline: newDeadline ?? finding.deadline,
    verification,
    history: [...(finding.history ?? []), event],
    updatedAt: actor.at,
  };
}

/**
 * Every re-inspection of the finding, oldest first: from its history, or for a record made before
 * history was kept, its one verification.
 */
export function verificationsOf(
  finding: Pick<Finding, 'verification' | 'history'>,
): Verification[] {
  const fromHistory = (finding.history ?? []).flatMap((e) =>
    e.kind === 'reinspected' ? [e.verification] : [],
  );
  if (fromHistory.length > 0) return fromHistory;
  return finding.verification ? [finding.verification] : [];
}

/**
 * The deadline the hazard was first given, before any failed re-inspection or granted extension
 * moved it.
 */
export function originalDeadline(finding: Pick<Finding, 'deadline' | 'history'>): string {
  for (const event of finding.history ?? []) {
    if (event.kind === 'reinspected' || event.kind === 'extensionDecided') {
      return event.deadlineBefore;
    }
  }
  return finding.deadline;
}
