import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../../../domain/schemas/finding';

const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;
const sha = (n: number) => String(n).padStart(64, '0');

/** A finding as records were before rectification reports and history were kept. */
const earlier = {
  id: id(1),
  version: 3,
  updatedAt: '2026-03-01T01:00:00.000Z',
  deletedAt: null,
  createdBy: id(2),
  inspectionId: id(3),
  enterpriseId: id(4),
  itemId: null,
  title: '储罐区未设置围堰',
  description: '',
  category: 'chemical_storage',
  grade: 'major',
  legalBasis: '判定标准第20项',
  requirement: '设置围堰',
  deadline: '2026-04-01',
  responsiblePerson: '张三',
  photos: [],
  status: 'closed',
  verification: {
    inspectionId: id(5),
    verifiedBy: id(6),
    verifiedAt: '2026-04-02T02:00:00.000Z',
    result: 'passed',
    photos: [],
  },
};

const report = {
  reportedOn: '2026-03-28',
  note: '已设置围堰',
  recordedBy: id(6),
  recordedAt: '2026-03-29T02:00:00.000Z',
};

describe('finding schema: rectification fields', () => {
  it('still reads records made before the rectification fields existed', () => {
    const parsed = findingSchema.parse(earlier);
    expect(parsed.rectification).toBeUndefined();
    expect(parsed.history).toBeUndefined();
    expect(parsed.verification?.note).toBeUndefined();
  });

  it('keeps a report, a failed and a passed re-inspection in order', () => {
    const failed = { ...earlier.verification, result: 'failed', note: '围堰高度不足' };
    const passed = { ...earlier.verification, verifiedAt: '2026-05-02T02:00:00.000Z' };
    const parsed = findingSchema.parse({
      ...earlier,
      rectification: report,
      history: [
        { kind: 'rectificationReported', report },
        {
          kind: 'reinspected',
          verification: failed,
          deadlineBefore: '2026-04-01',
          newDeadline: '2026-05-01',
        },
        { kind: 'rectificationReported', report },
        {
          kind: 'reinspected',
          verification: passed,
          deadlineBefore: '2026-05-01',
          newDeadline: null,
        },
      ],
      verification: passed,
    });
    expect(parsed.history?.map((e) => e.kind)).toEqual([
      'rectificationReported',
      'reinspected',
      'rectificationReported',
      'reinspected',
    ]);
    const first = parsed.history?.[1];
    expect(first?.kind === 'reinspected' && first.verification.result).toBe('failed');
  });

  it('refuses an unknown event, a bad report date and too many after-photos', () => {
    const bad = (extra: Record<string, unknown>) =>
      findingSchema.safeParse({ ...earlier, ...extra }).success;
    expect(bad({ history: [{ kind: 'closedByHand' }] })).toBe(false);
    expect(bad({ rectification: { ...report, reportedOn: '28/03/2026' } })).toBe(false);
    const photo = { sha256: sha(1), mime: 'image/jpeg', size: 10 };
    expect(bad({ verification: { ...earlier.verification, photos: Array(21).fill(photo) } })).toBe(
      false,
    );
    expect(bad({ rectification: null, history: [] })).toBe(true);
  });

  it('reads requests for more time with their decisions; a refusal says why, a grant until when', () => {
    const request = {
      id: id(7),
      requestedOn: '2026-03-25',
      reason: '设备到货延迟',
      requestedDeadline: '2026-05-01',
      recordedBy: id(6),
      recordedAt: '2026-03-26T02:00:00.000Z',
      decision: null,
    };
    const by = { decidedBy: id(8), decidedAt: '2026-03-27T02:00:00.000Z' };
    const granted = { result: 'granted', newDeadline: '2026-04-20', comment: '', ...by };
    const parse = (decision: unknown, extra: Record<string, unknown> = {}) =>
      findingSchema.safeParse({
        ...earlier,
        extensions: [{ ...request, decision, ...extra }],
        history: [
          { kind: 'extensionRequested', extensionId: id(7) },
          { kind: 'extensionDecided', extensionId: id(7), deadlineBefore: '2026-04-01' },
        ],
      }).success;
    expect(parse(null)).toBe(true);
    expect(parse(granted)).toBe(true);
    expect(parse({ result: 'refused', comment: '理由不足', ...by })).toBe(true);
    expect(parse({ result: 'refused', comment: '  ', ...by })).toBe(false);
    expect(parse({ ...granted, newDeadline: undefined })).toBe(false);
    expect(parse(null, { reason: ' ' })).toBe(false);
    expect(parse(null, { requestedDeadline: '2026-02-30' })).toBe(false);
  });
});
