import { describe, expect, it } from 'vitest';
import {
  RectificationError,
  originalDeadline,
  recordReinspection,
  reinspectionProblem,
  rectificationReportProblem,
  reportRectification,
  verificationsOf,
} from '../../../../domain/rules/rectification';
import { findingSchema } from '../../../../domain/schemas/finding';
import { ruleFinding, sha, uid } from './fixture-records';

const photo = { sha256: sha(7), mime: 'image/jpeg' as const, size: 1000 };
const actor = { userId: uid(20), at: '2026-11-29T02:00:00.000Z', today: '2026-11-29' };
const open = ruleFinding(1, { status: 'open', deadline: '2026-11-20' });
const visit = (n: number) => ({ id: uid(n), leadInspectorId: uid(20), coInspectorIds: [uid(21)] });

describe('reporting rectification', () => {
  it('moves an open (even overdue) hazard to rectified and keeps the report', () => {
    const next = reportRectification(open, { reportedOn: '2026-11-28', note: ' done ' }, actor);
    expect(next.status).toBe('rectified');
    expect(next.rectification).toEqual({
      reportedOn: '2026-11-28',
      note: 'done',
      recordedBy: uid(20),
      recordedAt: actor.at,
    });
    expect(next.history).toHaveLength(1);
    expect(findingSchema.parse(next)).toEqual(next);
  });

  it('refuses a report dated after today, a non-date, and a hazard not open', () => {
    const problem = (f: typeof open, reportedOn: string) =>
      rectificationReportProblem(f, { reportedOn, note: '' }, '2026-11-29');
    expect(problem(open, '2026-11-30')).toBe('reportedOn.future');
    expect(problem(open, '')).toBe('reportedOn.invalid');
    expect(problem({ ...open, status: 'rectified' }, '2026-11-29')).toBe('notOpen');
    expect(problem({ ...open, status: 'closed' }, '2026-11-29')).toBe('notOpen');
    expect(problem(open, '2026-11-29')).toBeNull();
    expect(() =>
      reportRectification(
        { ...open, status: 'closed' },
        { reportedOn: '2026-11-29', note: '' },
        actor,
      ),
    ).toThrow(RectificationError);
  });
});

describe('re-inspection', () => {
  const rectified = reportRectification(open, { reportedOn: '2026-11-28', note: '' }, actor);

  it('closes the hazard when it passed, with the verification and its visit', () => {
    const next = recordReinspection(
      rectified,
      { result: 'passed', photos: [photo], note: '', newDeadline: '2027-01-01' },
      actor,
      visit(30),
    );
    expect(next.status).toBe('closed');
    expect(next.deadline).toBe('2026-11-20');
    expect(next.verification).toEqual({
      inspectionId: uid(30),
      verifiedBy: uid(20),
      verifiedAt: actor.at,
      result: 'passed',
      photos: [photo],
      officerIds: [uid(20), uid(21)],
    });
  });

  it('reopens it with the new deadline when it failed, and a later pass keeps both', () => {
    const failed = recordReinspection(
      rectified,
      { result: 'failed', photos: [], note: '仍渗漏', newDeadline: '2026-12-15' },
      actor,
      visit(30),
    );
    expect(failed.status).toBe('open');
    expect(failed.deadline).toBe('2026-12-15');
    expect(failed.verification?.result).toBe('failed');
    expect(failed.verification?.note).toBe('仍渗漏');
    const later = { ...actor, at: '2026-12-10T02:00:00.000Z', today: '2026-12-10' };
    const again = reportRectification(failed, { reportedOn: '2026-12-09', note: '' }, later);
    const passed = recordReinspection(
      again,
      { result: 'passed', photos: [photo], note: '', newDeadline: null },
      later,
      visit(31),
    );
    expect(verificationsOf(passed).map((v) => v.result)).toEqual(['failed', 'passed']);
    expect(originalDeadline(passed)).toBe('2026-11-20');
    expect(passed.history?.map((e) => e.kind)).toEqual([
      'rectificationReported',
      'reinspected',
      'rectificationReported',
      'reinspected',
    ]);
    expect(findingSchema.parse(passed)).toEqual(passed);
  });

  it('names what is wrong: no after-photo, no or early new deadline, not rectified', () => {
    const check = (input: Partial<Parameters<typeof reinspectionProblem>[1]>, f = rectified) =>
      reinspectionProblem(
        f,
        { result: 'passed', photos: [], note: '', newDeadline: null, ...input },
        '2026-11-29',
      );
    expect(check({})).toBe('photos.required');
    expect(check({ result: 'failed' })).toBe('newDeadline.required');
    expect(check({ result: 'failed', newDeadline: '2026-11-29' })).toBe(
      'newDeadline.notAfterToday',
    );
    expect(check({ result: 'failed', newDeadline: '2026-11-30' })).toBeNull();
    expect(check({ photos: [photo] }, open)).toBe('notRectified');
    expect(check({ photos: [photo], note: 'x'.repeat(2001) })).toBe('note.tooLong');
  });

  it('reads the one verification of a record made before history was kept', () => {
    const old = ruleFinding(2, {
      status: 'closed',
      verification: {
        inspectionId: uid(30),
        verifiedBy: uid(20),
        verifiedAt: actor.at,
        result: 'passed',
        photos: [],
      },
    });
    expect(verificationsOf(old)).toHaveLength(1);
    expect(originalDeadline(old)).toBe(old.deadline);
  });
});
