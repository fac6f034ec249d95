import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../../../domain/schemas/template';

const template = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  version: 0,
  updatedAt: '2026-03-01T01:00:00.000Z',
  deletedAt: null,
  createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  agencyKind: 'safety',
  title: '重大隐患判定 (20 项)',
  sections: [
    {
      title: '人员资质',
      items: [
        {
          id: 'mh-01',
          text: '主要负责人和安全管理人员经考核合格',
          legalBasis: '判定标准第1项',
          majorCriterion: 1,
        },
        { id: 'gs-1-1', text: '建立全员安全生产责任制', legalBasis: '《安全生产法》第二十二条' },
      ],
    },
  ],
};

const messages = (input: unknown): string[] => {
  const result = templateSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

const withItem = (item: object) => ({
  ...template,
  sections: [{ title: 's', items: [{ ...template.sections[0]?.items[0], ...item }] }],
});

describe('templateSchema', () => {
  it('accepts items with and without a major criterion', () => {
    expect(messages(template)).toEqual([]);
  });

  it('rejects item ids that are not stable slugs', () => {
    expect(messages(withItem({ id: 'MH 01' }))).toEqual(['itemId.invalid']);
    expect(messages(withItem({ id: '-mh' }))).toEqual(['itemId.invalid']);
  });

  it('only knows the twenty criteria', () => {
    expect(messages(withItem({ majorCriterion: 0 }))).toHaveLength(1);
    expect(messages(withItem({ majorCriterion: 21 }))).toHaveLength(1);
    expect(messages(withItem({ majorCriterion: 20 }))).toEqual([]);
  });

  it('needs a legal basis, at least one section and one item per section', () => {
    expect(messages(withItem({ legalBasis: '' }))).toEqual(['required']);
    expect(messages({ ...template, sections: [] })).toHaveLength(1);
    expect(messages({ ...template, sections: [{ title: 's', items: [] }] })).toHaveLength(1);
  });
});
