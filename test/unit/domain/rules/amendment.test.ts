import { describe, expect, it } from 'vitest';
import {
  amendInspection,
  awaitsReview,
  lockedFieldsChanged,
} from '../../../../domain/rules/amendment';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import { ruleInspection, uid } from './fixture-records';

const submitted = ruleInspection({
  status: 'submitted',
  itemResults: [{ itemId: 'f-1', result: 'pass', note: '' }],
});
const by = uid(1);
const at = '2026-03-05T10:00:00.000+08:00';

describe('lockedFieldsChanged', () => {
  it('allows anything on a draft', () => {
    const draft = ruleInspection();
    expect(lockedFieldsChanged(draft, { ...draft, kind: 'special', location: null })).toEqual([]);
  });

  it('lists the content fields changed on a submitted inspection', () => {
    const next = {
      ...submitted,
      itemResults: [{ itemId: 'f-1', result: 'fail' as const, note: '通道堵塞' }],
      location: { lat: 30.03, lon: 120.87, accuracyM: 5 },
    };
    expect(lockedFieldsChanged(submitted, next)).toEqual(['location', 'itemResults']);
  });

  it('lists a withdrawal, a deletion and a rewritten history', () => {
    const next = {
      ...submitted,
      status: 'draft' as const,
      deletedAt: at,
      amendments: [{ by, at, reason: '补记' }],
    };
    expect(lockedFieldsChanged(submitted, next)).toEqual(['status', 'deletedAt', 'amendments']);
  });

  it('lets sync and the supervisor write their own fields', () => {
    const next = {
      ...submitted,
      version: 7,
      updatedAt: at,
      review: { status: 'approved' as const, comment: '', reviewerId: uid(9), reviewedAt: at },
    };
    expect(lockedFieldsChanged(submitted, next)).toEqual([]);
  });

  it('sees no change in an equal copy', () => {
    expect(lockedFieldsChanged(submitted, structuredClone(submitted))).toEqual([]);
  });
});

describe('amendInspection', () => {
  const corrected = { ...submitted, enterpriseRep: { name: '李四', title: '生产副总' } };

  // The amendment used to record no changes: it now names each, as a hazard's amendment does.
  it('applies the change and appends the reason and what changed to the history', () => {
    const result = amendInspection(submitted, corrected, {
      by,
      at,
      reason: '  现场负责人姓名记错 ',
    });
    expect(result).toEqual({
      ok: true,
      changed: ['enterpriseRep'],
      inspection: {
        ...corrected,
        amendments: [
          {
            by,
            at,
            reason: '现场负责人姓名记错',
            changes: [
              { field: 'enterpriseRep', before: '王建国, 安全负责人', after: '李四, 生产副总' },
            ],
          },
        ],
      },
    });
    if (result.ok) expect(inspectionSchema.safeParse(result.inspection).success).toBe(true);
  });

  it('keeps earlier amendments, whatever the caller put in next', () => {
    const once = {
      ...submitted,
      amendments: [{ by, at: '2026-03-04T10:00:00.000+08:00', reason: '第一次' }],
    };
    const result = amendInspection(
      once,
      { ...corrected, amendments: [] },
      { by, at, reason: '第二次' },
    );
    expect(result.ok && result.inspection.amendments.map((a) => a.reason)).toEqual([
      '第一次',
      '第二次',
    ]);
  });

  it('refuses without a reason', () => {
    expect(amendInspection(submitted, corrected, { by, at, reason: ' \n ' })).toEqual({
      ok: false,
      problems: [{ code: 'amendment.reasonRequired' }],
    });
  });

  it('refuses an over-long reason', () => {
    const result = amendInspection(submitted, corrected, { by, at, reason: '因'.repeat(1001) });
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'amendment.reasonTooLong', max: 1000 }],
    });
  });

  it('refuses to touch the review', () => {
    const next = { ...corrected, review: { ...submitted.review, status: 'approved' as const } };
    expect(amendInspection(submitted, next, { by, at, reason: '更正' })).toEqual({
      ok: false,
      problems: [{ code: 'amendment.reviewChanged' }],
    });
  });

  it('refuses to withdraw or delete the record', () => {
    const next = { ...corrected, status: 'draft' as const, deletedAt: at };
    expect(amendInspection(submitted, next, { by, at, reason: '撤回' })).toEqual({
      ok: false,
      problems: [
        { code: 'amendment.fieldFixed', field: 'status' },
        { code: 'amendment.fieldFixed', field: 'deletedAt' },
      ],
    });
  });

  it('refuses an amendment that changes nothing, and one of a draft', () => {
    expect(amendInspection(submitted, submitted, { by, at, reason: '备注' })).toEqual({
      ok: false,
      problems: [{ code: 'amendment.nothingChanged' }],
    });
    const draft = ruleInspection();
    const result = amendInspection(draft, { ...draft, kind: 'special' }, { by, at, reason: '改' });
    expect(result).toEqual({ ok: false, problems: [{ code: 'amendment.notSubmitted' }] });
  });
});

describe('awaitsReview', () => {
  const returnedAt = '2026-03-04T09:00:00.000+08:00';
  const returned = {
    ...submitted,
    review: {
      status: 'returned' as const,
      comment: '补充照片',
      reviewerId: uid(9),
      reviewedAt: returnedAt,
    },
  };

  it('holds submitted inspections not yet reviewed', () => {
    expect(awaitsReview(submitted)).toBe(true);
    expect(awaitsReview(ruleInspection())).toBe(false);
    expect(awaitsReview({ ...submitted, deletedAt: at })).toBe(false);
  });

  it('holds a returned inspection again once it is amended after the return', () => {
    expect(awaitsReview(returned)).toBe(false);
    const before = {
      ...returned,
      amendments: [{ by, at: '2026-03-03T09:00:00.000+08:00', reason: '早' }],
    };
    expect(awaitsReview(before)).toBe(false);
    // 01:30Z is 09:30 in China: half an hour after the return, whatever the offsets say.
    const after = {
      ...returned,
      amendments: [{ by, at: '2026-03-04T01:30:00.000Z', reason: '已补充' }],
    };
    expect(awaitsReview(after)).toBe(true);
  });

  it('does not hold an approved inspection, unless it was amended after the approval', () => {
    const approved = { ...submitted, review: { ...returned.review, status: 'approved' as const } };
    expect(awaitsReview(approved)).toBe(false);
    // The device's time says before the approval, the server's after: the server's counts.
    const late = {
      ...approved,
      amendments: [
        {
          by,
          at: '2026-03-03T09:00:00.000+08:00',
          recordedAt: '2026-03-05T09:00:00.000+08:00',
          reason: '补',
        },
      ],
    };
    expect(awaitsReview(late)).toBe(true);
  });

  it('holds an approved inspection an amendment reopened', () => {
    const reopened = {
      ...submitted,
      review: { ...returned.review, status: 'pending' as const, reopenedFrom: 'approved' as const },
    };
    expect(awaitsReview(reopened)).toBe(true);
  });
});

describe('what an inspection amendment records', () => {
  it('names every content field changed, each answer changed on a line of its own', () => {
    const next = {
      ...submitted,
      kind: 'special' as const,
      itemResults: [
        { itemId: 'f-1', result: 'fail' as const, note: '通道堵塞' },
        { itemId: 'f-2', result: 'na' as const, note: '' },
      ],
      location: null,
    };
    const result = amendInspection(submitted, next, { by, at, reason: '更正' });
    expect(result.ok && result.inspection.amendments[0]?.changes).toEqual([
      { field: 'kind', before: 'routine', after: 'special' },
      { field: 'location', before: '30.03, 120.87 ±12 m', after: '' },
      { field: 'itemResults', before: 'f-1: pass\n', after: 'f-1: fail (通道堵塞)\nf-2: na' },
    ]);
  });

  it('cuts an over-long value to what the schema keeps, whole characters only', () => {
    // Notes of 1000 characters outside the basic plane: 2000 code units each, 6000 in all.
    const note = '𠀀'.repeat(1000);
    const next = {
      ...submitted,
      itemResults: ['f-1', 'f-2', 'f-3'].map((itemId) => ({ itemId, result: 'na' as const, note })),
    };
    const result = amendInspection(submitted, next, { by, at, reason: '补' });
    const changes = result.ok ? (result.inspection.amendments[0]?.changes ?? []) : [];
    const items = changes.find((c) => c.field === 'itemResults');
    expect(items?.after.length).toBeLessThanOrEqual(4000);
    expect(items?.after.endsWith('…')).toBe(true);
    expect(items?.after).not.toMatch(/[\uD800-\uDBFF]…$/);
    if (result.ok) expect(inspectionSchema.safeParse(result.inspection).success).toBe(true);
  });
});
