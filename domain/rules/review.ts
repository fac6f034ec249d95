// The supervisor's review of submitted inspections as pure rules: which inspections a reviewer
// sees, how long each has waited, what an inspector's resubmission of a returned inspection is
// (the server checks the very same shape), and the history a record tells of itself.
import type { Amendment, Inspection, Review } from '../schemas/inspection';
import type { User } from '../schemas/user';
import { amendmentTime } from './amendment';
import { chinaDateOf, daysBetween } from './calendar-date';
import { takesPart } from './officers';

/**
 * The review an inspector sends back when a returned inspection has been amended: pending again,
 * with the supervisor's comment, name and time of the return kept, so that the reviewer sees what
 * was asked for and the record shows it was returned once. Only `status` changes.
 */
export function resubmittedReview(returned: Review): Review {
  return { ...returned, status: 'pending' };
}

/**
 * The review after an amendment of a submitted inspection: a decided inspection goes back to
 * review. A returned one is resubmitted (`resubmittedReview`); an approved one is pending again
 * with the approval's comment, reviewer and time kept and marked as reopened, so the record still
 * tells that it was approved once. The server makes the very same change when it takes the
 * amendment, whatever the device sent.
 */
export function reviewAfterAmendment(review: Review): Review {
  if (review.status === 'returned') return resubmittedReview(review);
  if (review.status === 'approved')
    return { ...review, status: 'pending', reopenedFrom: 'approved' };
  return review;
}

/**
 * Whether two reviews carry the same decision: the same status and comment. Who made it and when
 * are the server's to record, so a device's copy of a decision it sent is the same decision.
 */
export function sameDecision(a: Review, b: Review): boolean {
  return a.status === b.status && a.comment === b.comment;
}

/** Whether `next` is exactly the resubmission of the returned review `previous`. */
export function isResubmission(previous: Review, next: Review): boolean {
  return (
    previous.status === 'returned' &&
    next.status === 'pending' &&
    next.comment === previous.comment &&
    next.reviewerId === previous.reviewerId &&
    next.reviewedAt === previous.reviewedAt
  );
}

/** Submitted and sent back by a supervisor: the inspector has something to correct. */
export function isReturned(inspection: Pick<Inspection, 'status' | 'review'>): boolean {
  return inspection.status === 'submitted' && inspection.review.status === 'returned';
}

/** A pending review that carries an earlier return: the inspection came back after amendment. */
export function wasResubmitted(review: Review): boolean {
  return review.status === 'pending' && review.reviewedAt !== null;
}

type Reviewer = Pick<User, 'role' | 'agencyId'>;

/**
 * Whether the inspection is for this reviewer: a supervisor reviews the inspections of their
 * own agency (a joint inspection belongs to each of its agencies). Approving or returning an
 * inspection is an act of enforcement: administrators, who run the system, make none.
 */
export function isForReviewer(
  inspection: Pick<Inspection, 'agencyIds'>,
  reviewer: Reviewer,
): boolean {
  if (reviewer.role !== 'supervisor') return false;
  return inspection.agencyIds.includes(reviewer.agencyId);
}

/**
 * Whether this person may approve or return the inspection: a supervisor of an agency it names,
 * who is not one of its officers (no one reviews a visit they took part in), and only once it is
 * submitted. The server holds every review to the same rule.
 */
export function mayReview(
  inspection: Pick<
    Inspection,
    'agencyIds' | 'status' | 'leadInspectorId' | 'coInspectorIds' | 'deletedAt'
  >,
  reviewer: Reviewer & Pick<User, 'id'>,
): boolean {
  return (
    inspection.status === 'submitted' &&
    inspection.deletedAt === null &&
    isForReviewer(inspection, reviewer) &&
    !takesPart(inspection, reviewer.id)
  );
}

/** When the inspection was handed in (its finish), or its start for records without one. */
export function submittedAt(inspection: Pick<Inspection, 'finishedAt' | 'startedAt'>): string {
  return inspection.finishedAt ?? inspection.startedAt;
}

/**
 * Whole days an inspection has waited for review, counted on the district's calendar (China
 * time) from the day it was submitted: 0 on that day. Never negative (a device clock ahead).
 */
export function reviewAgeDays(
  inspection: Pick<Inspection, 'finishedAt' | 'startedAt'>,
  today: string,
): number {
  return Math.max(0, daysBetween(chinaDateOf(submittedAt(inspection)), today));
}

type Timestamped = Pick<Inspection, 'finishedAt' | 'startedAt'>;

/** Oldest submission first; ties by id, so the order is stable. */
export function compareBySubmission(
  a: Timestamped & { id: string },
  b: Timestamped & { id: string },
): number {
  const at = Date.parse(submittedAt(a)) - Date.parse(submittedAt(b));
  if (at !== 0) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type TimelineEvent =
  | { kind: 'started'; at: string; by: string }
  | { kind: 'submitted'; at: string; by: string }
  | { kind: 'amended'; at: string; by: string; reason: string }
  | { kind: 'returned'; at: string; by: string | null; comment: string }
  | { kind: 'approved'; at: string; by: string | null; comment: string }
  | { kind: 'resubmitted'; at: string; by: string }
  | { kind: 'reopened'; at: string; by: string };

/**
 * The history the record itself tells, oldest first: started, submitted, each amendment with its
 * reason and author, and the review. The record keeps only its latest decision; a pending review
 * that still names a reviewer was decided and then sent back to review by the first amendment
 * after the decision: a return resubmitted, or an approval reopened (`reopenedFrom`).
 */
export function reviewTimeline(
  inspection: Pick<
    Inspection,
    'startedAt' | 'finishedAt' | 'leadInspectorId' | 'status' | 'amendments' | 'review'
  >,
): TimelineEvent[] {
  const by = inspection.leadInspectorId;
  const events: TimelineEvent[] = [{ kind: 'started', at: inspection.startedAt, by }];
  if (inspection.status === 'submitted' && inspection.finishedAt !== null) {
    events.push({ kind: 'submitted', at: inspection.finishedAt, by });
  }
  // When the server received each amendment (the device's time until then): the order in which
  // amendments and decisions reached the record, whatever the devices' clocks said.
  const received = (a: Pick<Amendment, 'at' | 'recordedAt'>) => a.recordedAt ?? a.at;
  for (const a of inspection.amendments) {
    events.push({ kind: 'amended', at: received(a), by: a.by, reason: a.reason });
  }
  const { review } = inspection;
  if (review.reviewedAt !== null) {
    const decided =
      review.status === 'pending' ? (review.reopenedFrom ?? 'returned') : review.status;
    events.push({
      kind: decided,
      at: review.reviewedAt,
      by: review.reviewerId,
      comment: review.comment,
    });
    if (review.status === 'pending') {
      const decidedAt = Date.parse(review.reviewedAt);
      const after = inspection.amendments.find((a) => amendmentTime(a) >= decidedAt);
      const kind = decided === 'approved' ? 'reopened' : 'resubmitted';
      if (after) events.push({ kind, at: received(after), by: after.by });
    }
  }
  // A stable sort keeps same-time events in the order above (amended before resubmitted).
  return events
    .map((event, index) => ({ event, index }))
    .sort((x, y) => Date.parse(x.event.at) - Date.parse(y.event.at) || x.index - y.index)
    .map(({ event }) => event);
}
