// Owns the review of an inspection on the server: what a mutation's review becomes before the
// merge (a new inspection starts pending; a decision is stamped with the caller and the server's
// time; a device's copy of a decision already made changes nothing; an amendment sends a decided
// inspection back to review), and who may make which change of it. Everyone is held to it,
// administrators too: approving or returning an inspection is an act of enforcement.
import { takesPart } from '../../../domain/rules/officers';
import { isResubmission, reviewAfterAmendment, sameDecision } from '../../../domain/rules/review';
import { reviewSchema } from '../../../domain/schemas/inspection';
import type { Inspection, Review } from '../../../domain/schemas/inspection';
import type { User } from '../../../domain/schemas/user';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';

export const PENDING_REVIEW: Review = {
  status: 'pending',
  comment: '',
  reviewerId: null,
  reviewedAt: null,
};

export interface ReviewMergeInput {
  /** The inspection as stored, if it exists. */
  stored: Record<string, unknown> | undefined;
  /** The review the device sent. */
  sent: unknown;
  /**
   * The review as the device held it at its base version, when someone else changed it since
   * (from history); undefined otherwise.
   */
  base: unknown;
  /** The mutation appends new amendments to the inspection. */
  amended: boolean;
  user: Pick<User, 'id'>;
  now: Date;
}

export interface ReviewMerge {
  review: unknown;
  /** The server sent the decided inspection back to review because of a new amendment. */
  reopened: boolean;
}

/**
 * The review a mutation of an inspection brings to the merge. A new inspection starts pending,
 * whatever the device sent. On a stored one:
 * - new amendments of a decided, submitted inspection put it back to review (`reviewAfterAmendment`);
 * - the same decision as stored (status and comment), or the one the device held at its base
 *   when someone has changed the review since, is the device's copy and changes nothing;
 * - a pending review is the inspector's resubmission of a returned inspection, or else a stale
 *   copy that gives way to the stored review;
 * - any other approval or return is a new decision: the reviewer is the caller and the time the
 *   server's, whatever the device wrote (whether the caller may decide is `checkReview`'s).
 */
export function reviewToMerge(input: ReviewMergeInput): ReviewMerge {
  const { stored } = input;
  if (!stored) return { review: PENDING_REVIEW, reopened: false };
  const before = reviewSchema.safeParse(stored.review);
  const sent = reviewSchema.safeParse(input.sent);
  if (!before.success) return { review: stored.review, reopened: false };
  if (input.amended && stored.status === 'submitted' && before.data.status !== 'pending') {
    return { review: reviewAfterAmendment(before.data), reopened: true };
  }
  const keep = { review: stored.review, reopened: false };
  if (!sent.success || sameDecision(sent.data, before.data)) return keep;
  if (sent.data.status === 'pending') {
    return isResubmission(before.data, sent.data) ? { review: sent.data, reopened: false } : keep;
  }
  const base = reviewSchema.safeParse(input.base);
  if (base.success && sameDecision(sent.data, base.data)) return keep;
  const decision: Review = {
    status: sent.data.status,
    comment: sent.data.comment,
    reviewerId: input.user.id,
    reviewedAt: input.now.toISOString(),
  };
  return { review: decision, reopened: false };
}

/**
 * Who may change a stored inspection's review, and how: a decision only by a supervisor of an
 * agency the inspection names who takes no part in it, only of a submitted inspection, and a
 * return with a comment; back to pending only by the inspector's resubmission of a returned,
 * submitted inspection, or by the server when an amendment reopens it.
 */
export function checkReview(
  user: User,
  before: Inspection | undefined,
  after: Inspection,
  changed: ReadonlySet<string>,
  reopened: boolean,
): Refusal | null {
  // A new inspection's review is pending, set by reviewToMerge.
  if (!before || !changed.has('review')) return null;
  if (after.review.status === 'pending') {
    if (reopened) return null;
    if (!isResubmission(before.review, after.review)) return refusal('resubmitOnly');
    if (after.status !== 'submitted') return refusal('resubmitSubmitted');
    if (!takesPart(before, user.id)) return refusal('notYourInspection');
    return null;
  }
  if (user.role !== 'supervisor') return refusal('reviewBySupervisor');
  if (!before.agencyIds.includes(user.agencyId)) return refusal('reviewOtherAgency');
  const submitted = (i: Inspection) => i.status === 'submitted' && i.deletedAt === null;
  if (!submitted(before) || !submitted(after)) return refusal('reviewNotSubmitted');
  if (takesPart(before, user.id) || takesPart(after, user.id)) {
    return refusal('reviewOwnInspection');
  }
  if (after.review.status === 'returned' && after.review.comment.trim() === '') {
    return refusal('returnNeedsComment');
  }
  return null;
}
