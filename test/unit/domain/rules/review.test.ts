import { describe, expect, it } from 'vitest';
import {
  compareBySubmission,
  isForReviewer,
  isResubmission,
  mayReview,
  resubmittedReview,
  reviewAfterAmendment,
  sameDecision,
  reviewAgeDays,
  reviewTimeline,
  wasResubmitted,
} from '../../../../domain/rules/review';
import type { Review } from '../../../../domain/schemas/inspection';
import { ruleInspection, uid } from './fixture-records';

const returned: Review = {
  status: 'returned',
  comment: '补充照片',
  reviewerId: uid(50),
  reviewedAt: '2026-03-03T10:00:00.000+08:00',
};

describe('resubmission', () => {
  it('keeps the comment, reviewer and time of the return and makes the review pending', () => {
    const next = resubmittedReview(returned);
    expect(next).toEqual({ ...returned, status: 'pending' });
    expect(isResubmission(returned, next)).toBe(true);
    expect(wasResubmitted(next)).toBe(true);
  });

  it('is nothing else: not from pending or approved, not to approved, not with a new comment', () => {
    const pending: Review = { status: 'pending', comment: '', reviewerId: null, reviewedAt: null };
    expect(isResubmission(pending, pending)).toBe(false);
    expect(isResubmission({ ...returned, status: 'approved' }, resubmittedReview(returned))).toBe(
      false,
    );
    expect(isResubmission(returned, { ...returned, status: 'approved' })).toBe(false);
    expect(isResubmission(returned, { ...resubmittedReview(returned), comment: '' })).toBe(false);
    expect(isResubmission(returned, { ...resubmittedReview(returned), reviewedAt: null })).toBe(
      false,
    );
    expect(wasResubmitted(pending)).toBe(false);
  });
});

describe('isForReviewer', () => {
  const joint = ruleInspection({ agencyIds: [uid(800), uid(801)] });
  // Administrators used to review everything: review is an act of enforcement, theirs no more.
  it('gives a supervisor the inspections of their agency, joint ones included; an admin none', () => {
    expect(isForReviewer(joint, { role: 'supervisor', agencyId: uid(801) })).toBe(true);
    expect(isForReviewer(joint, { role: 'supervisor', agencyId: uid(802) })).toBe(false);
    expect(isForReviewer(joint, { role: 'admin', agencyId: uid(801) })).toBe(false);
    expect(isForReviewer(joint, { role: 'inspector', agencyId: uid(800) })).toBe(false);
  });
});

describe('mayReview', () => {
  const submitted = ruleInspection({ status: 'submitted', agencyIds: [uid(801)] });
  const supervisor = { id: uid(60), role: 'supervisor' as const, agencyId: uid(801) };
  it('lets a supervisor of its agency review a submitted inspection they took no part in', () => {
    expect(mayReview(submitted, supervisor)).toBe(true);
    expect(mayReview({ ...submitted, status: 'draft' }, supervisor)).toBe(false);
    expect(
      mayReview({ ...submitted, deletedAt: '2026-03-05T09:00:00.000+08:00' }, supervisor),
    ).toBe(false);
    expect(mayReview({ ...submitted, leadInspectorId: supervisor.id }, supervisor)).toBe(false);
    expect(mayReview({ ...submitted, coInspectorIds: [supervisor.id] }, supervisor)).toBe(false);
    expect(mayReview(submitted, { ...supervisor, agencyId: uid(802) })).toBe(false);
    expect(mayReview(submitted, { ...supervisor, role: 'admin' })).toBe(false);
  });
});

describe('reviewAfterAmendment', () => {
  it('resubmits a return, reopens an approval, and leaves a pending review', () => {
    expect(reviewAfterAmendment(returned)).toEqual(resubmittedReview(returned));
    const approved: Review = { ...returned, status: 'approved', comment: '同意' };
    expect(reviewAfterAmendment(approved)).toEqual({
      ...approved,
      status: 'pending',
      reopenedFrom: 'approved',
    });
    const pending: Review = { status: 'pending', comment: '', reviewerId: null, reviewedAt: null };
    expect(reviewAfterAmendment(pending)).toBe(pending);
    expect(sameDecision(approved, { ...approved, reviewedAt: null, reviewerId: null })).toBe(true);
    expect(sameDecision(approved, { ...approved, comment: '' })).toBe(false);
  });
});

describe('reviewAgeDays', () => {
  it('counts China calendar days from the submission, 0 on the day, never negative', () => {
    // 23:30 UTC on 1 March is already 2 March in China.
    const late = ruleInspection({ finishedAt: '2026-03-01T23:30:00.000Z' });
    expect(reviewAgeDays(late, '2026-03-02')).toBe(0);
    expect(reviewAgeDays(late, '2026-03-12')).toBe(10);
    expect(reviewAgeDays(late, '2026-02-27')).toBe(0);
  });

  it('falls back to the start for a record without a finish time', () => {
    const open = ruleInspection({ finishedAt: null, startedAt: '2026-03-01T09:00:00.000+08:00' });
    expect(reviewAgeDays(open, '2026-03-04')).toBe(3);
  });
});

describe('compareBySubmission', () => {
  it('orders oldest submission first, by id on a tie', () => {
    const a = ruleInspection({ id: uid(101), finishedAt: '2026-03-05T09:00:00.000+08:00' });
    const b = ruleInspection({ id: uid(102), finishedAt: '2026-03-04T09:00:00.000+08:00' });
    const c = ruleInspection({ id: uid(103), finishedAt: '2026-03-05T01:00:00.000Z' });
    expect([a, b, c].sort(compareBySubmission).map((i) => i.id)).toEqual([
      uid(102),
      uid(101),
      uid(103),
    ]);
  });
});

describe('reviewTimeline', () => {
  const base = ruleInspection({ status: 'submitted' });

  it('tells start and submission of a fresh submission', () => {
    expect(reviewTimeline(base).map((e) => e.kind)).toEqual(['started', 'submitted']);
  });

  it('tells the return, the amendment and the resubmission, in time order', () => {
    const amended = {
      ...base,
      review: resubmittedReview(returned),
      amendments: [
        { at: '2026-03-02T12:00:00.000+08:00', by: uid(2), reason: '更正备注' },
        { at: '2026-03-04T09:00:00.000+08:00', by: uid(1), reason: '补充照片' },
      ],
    };
    const events = reviewTimeline(amended);
    expect(events.map((e) => e.kind)).toEqual([
      'started',
      'submitted',
      'amended',
      'returned',
      'amended',
      'resubmitted',
    ]);
    expect(events[3]).toEqual({
      kind: 'returned',
      at: returned.reviewedAt,
      by: uid(50),
      comment: '补充照片',
    });
    expect(events[5]).toEqual({
      kind: 'resubmitted',
      at: '2026-03-04T09:00:00.000+08:00',
      by: uid(1),
    });
  });

  it('tells an approval an amendment reopened, by the server time of the amendment', () => {
    const approval = { ...returned, status: 'approved' as const, comment: '同意' };
    const reopened = {
      ...base,
      review: reviewAfterAmendment(approval),
      amendments: [
        {
          // The device's clock was behind: its time is before the approval, the server's after.
          at: '2026-03-03T08:00:00.000+08:00',
          recordedAt: '2026-03-05T09:00:00.000+08:00',
          by: uid(1),
          reason: '补充',
        },
      ],
    };
    const events = reviewTimeline(reopened);
    expect(events.map((e) => e.kind)).toEqual([
      'started',
      'submitted',
      'approved',
      'amended',
      'reopened',
    ]);
    expect(events[2]).toMatchObject({ kind: 'approved', by: uid(50), comment: '同意' });
    expect(events[4]).toEqual({
      kind: 'reopened',
      at: '2026-03-05T09:00:00.000+08:00',
      by: uid(1),
    });
  });

  it('tells an approval with its reviewer', () => {
    const approved = { ...base, review: { ...returned, status: 'approved' as const, comment: '' } };
    expect(reviewTimeline(approved).at(-1)).toEqual({
      kind: 'approved',
      at: returned.reviewedAt,
      by: uid(50),
      comment: '',
    });
  });
});
