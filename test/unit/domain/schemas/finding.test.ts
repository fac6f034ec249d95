import { describe, expect, it } from 'vitest';
import { findingSchema } from '../../../../domain/schemas/finding';

const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;

const finding = {
  id: id(1),
  version: 0,
  updatedAt: '2026-03-01T01:00:00.000Z',
  deletedAt: null,
  createdBy: id(2),
  inspectionId: id(3),
  enterpriseId: id(4),
  itemId: 'mh-20',
  title: '危险化学品未分区分类储存',
  description: '甲类仓库内氧化剂与易燃液体混存',
  category: 'chemical_storage',
  grade: 'major',
  legalBasis: '判定标准第20项',
  requirement: '立即分区分类储存',
  deadline: '2026-04-01',
  responsiblePerson: '张三',
  photos: [],
  status: 'open',
  verification: null,
};

const messages = (input: unknown): string[] => {
  const result = findingSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('findingSchema', () => {
  it('accepts an open finding and a closed one with its verification', () => {
    expect(messages(finding)).toEqual([]);
    const verification = {
      inspectionId: id(5),
      verifiedBy: id(2),
      verifiedAt: '2026-03-20T02:00:00.000Z',
      result: 'passed',
      photos: [],
    };
    expect(messages({ ...finding, status: 'closed', verification })).toEqual([]);
  });

  it('never stores overdue: it is derived from the deadline', () => {
    expect(messages({ ...finding, status: 'overdue' })).toHaveLength(1);
  });

  it('rejects a deadline that is not a calendar date', () => {
    expect(messages({ ...finding, deadline: '2026-04-01T00:00:00Z' })).toEqual(['date.invalid']);
    expect(messages({ ...finding, deadline: '2026-02-30' })).toEqual(['date.invalid']);
  });

  it('rejects an unknown grade or category and a blank requirement', () => {
    expect(messages({ ...finding, grade: 'critical' })).toHaveLength(1);
    expect(messages({ ...finding, category: 'noise' })).toHaveLength(1);
    expect(messages({ ...finding, requirement: '' })).toEqual(['required']);
  });
});
