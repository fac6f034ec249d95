import { describe, expect, it } from 'vitest';
import { amendFinding, findingChanges } from '../../../../domain/rules/finding-amendment';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import { ruleFinding, ruleInspection, sha, uid } from './fixture-records';

const submitted = ruleInspection({ status: 'submitted' });
const stored = ruleFinding(10, { photos: [{ sha256: sha(1), mime: 'image/jpeg', size: 10 }] });
const by = uid(1);
const at = '2026-03-05T10:00:00.000+08:00';
const photo = (n: number) => ({ sha256: sha(n), mime: 'image/jpeg' as const, size: 10 });

describe('findingChanges', () => {
  it('lists only the changed fields, before and after as text', () => {
    const next = { ...stored, grade: 'major' as const, photos: [photo(1), photo(2)] };
    expect(findingChanges(stored, next)).toEqual([
      { field: 'grade', before: 'general', after: 'major' },
      { field: 'photos', before: '1', after: '2' },
    ]);
  });

  it('sees a replaced photo even when the count stays', () => {
    expect(findingChanges(stored, { ...stored, photos: [photo(3)] })).toEqual([
      { field: 'photos', before: '1', after: '1' },
    ]);
  });

  it('lists every field, with nothing before, for an added hazard', () => {
    const changes = findingChanges(null, stored);
    expect(changes).toHaveLength(9);
    expect(changes[0]).toEqual({ field: 'title', before: null, after: '隐患10' });
  });
});

describe('amendFinding', () => {
  it('appends the amendment with the hazard and its changes; the record stays valid', () => {
    const next = { ...stored, title: '消防通道堵塞', requirement: '清理消防通道' };
    const result = amendFinding(submitted, stored, next, { by, at, reason: ' 标题写错 ' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.finding.title).toBe('消防通道堵塞');
    // The hazard names the amendment that made it so (the server asks each change for one).
    expect(result.finding.amendedAt).toBe(at);
    expect(result.inspection.amendments).toEqual([
      {
        by,
        at,
        reason: '标题写错',
        findingId: stored.id,
        findingTitle: '消防通道堵塞',
        changes: [
          { field: 'title', before: '隐患10', after: '消防通道堵塞' },
          { field: 'requirement', before: '限期整改', after: '清理消防通道' },
        ],
      },
    ]);
    expect(inspectionSchema.safeParse(result.inspection).success).toBe(true);
  });

  it('marks a hazard added after submission', () => {
    const result = amendFinding(submitted, null, stored, { by, at, reason: '漏记' });
    expect(result.ok && result.inspection.amendments[0]?.findingAdded).toBe(true);
  });

  it('refuses without a reason, on a draft, and when nothing changed, all at once', () => {
    const draft = ruleInspection();
    const result = amendFinding(draft, stored, stored, { by, at, reason: '  ' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'amendment.notSubmitted',
      'amendment.reasonRequired',
      'amendment.nothingChanged',
    ]);
  });

  it('refuses an invalid hazard, one of another inspection and a changed rectification state', () => {
    const amend = (next: typeof stored) =>
      amendFinding(submitted, stored, next, { by, at, reason: '更正' });
    const codes = (next: typeof stored) => {
      const result = amend(next);
      return result.ok ? [] : result.problems.map((p) => p.code);
    };
    expect(codes({ ...stored, title: '' })).toContain('amendment.findingInvalid');
    expect(codes({ ...stored, title: 'x', inspectionId: uid(101) })).toEqual([
      'amendment.findingMismatch',
    ]);
    expect(codes({ ...stored, title: 'x', status: 'closed' })).toEqual([
      'amendment.findingMismatch',
    ]);
  });

  it("refuses to move a recorded hazard's deadline: re-inspections and extensions move it", () => {
    const result = amendFinding(
      submitted,
      stored,
      { ...stored, deadline: '2099-12-31' },
      { by, at, reason: '企业要求' },
    );
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
      'amendment.deadlineByRectification',
    ]);
    // A hazard added after submission is given its first deadline.
    expect(
      amendFinding(
        submitted,
        null,
        { ...stored, deadline: '2099-12-31' },
        { by, at, reason: '漏记' },
      ).ok,
    ).toBe(true);
  });
});
