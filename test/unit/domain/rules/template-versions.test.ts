import { describe, expect, it } from 'vitest';
import {
  diffTemplates,
  templateContentProblems,
  templatesInUse,
} from '../../../../domain/rules/template-versions';
import type { ChecklistTemplate } from '../../../../domain/schemas/template';

const base = {
  version: 1,
  updatedAt: '2026-11-01T08:00:00.000+08:00',
  deletedAt: null,
  createdBy: '0190f5a6-0000-7000-8000-000000000009',
  agencyKind: 'safety' as const,
};
const id = (n: number) => `0190f5a6-0000-7000-8000-${String(n).padStart(12, '0')}`;

const v1: ChecklistTemplate = {
  ...base,
  id: id(1),
  title: '本局检查表',
  sections: [
    {
      title: '安全管理',
      items: [
        { id: 'm-1', text: '建立安全生产责任制', legalBasis: '《安全生产法》第二十二条' },
        { id: 'm-2', text: '开展安全培训', legalBasis: '《安全生产法》第二十八条' },
      ],
    },
    {
      title: '重大危险源',
      items: [{ id: 'h-1', text: '重大危险源安全监控', legalBasis: '判定标准', majorCriterion: 4 }],
    },
  ],
};

describe('diffTemplates', () => {
  it('names what changed between two versions: title, sections, items added, removed, changed and moved', () => {
    const v2: ChecklistTemplate = {
      ...v1,
      id: id(2),
      lineageId: v1.id,
      edition: 2,
      title: '本局检查表（2027）',
      sections: [
        {
          title: '安全管理',
          items: [
            {
              id: 'm-1',
              text: '建立健全全员安全生产责任制',
              legalBasis: '《安全生产法》第二十二条',
              defectText: '未建立全员安全生产责任制',
            },
            { id: 'h-1', text: '重大危险源安全监控', legalBasis: '判定标准', majorCriterion: 5 },
          ],
        },
        {
          title: '应急管理',
          items: [{ id: 'e-1', text: '制定应急预案', legalBasis: '《安全生产法》第八十一条' }],
        },
      ],
    };
    const diff = diffTemplates(v1, v2);
    expect(diff).toEqual({
      title: { before: '本局检查表', after: '本局检查表（2027）' },
      sectionsAdded: ['应急管理'],
      sectionsRemoved: ['重大危险源'],
      itemsAdded: [{ section: '应急管理', item: v2.sections[1]?.items[0] }],
      itemsRemoved: [{ section: '安全管理', item: v1.sections[0]?.items[1] }],
      itemsChanged: [
        {
          itemId: 'm-1',
          fields: {
            text: { before: '建立安全生产责任制', after: '建立健全全员安全生产责任制' },
            defectText: { before: null, after: '未建立全员安全生产责任制' },
          },
        },
        {
          itemId: 'h-1',
          fields: { majorCriterion: { before: 4, after: 5 } },
          moved: { from: '重大危险源', to: '安全管理' },
        },
      ],
      same: false,
    });
    expect(diffTemplates(v1, { ...v1 }).same).toBe(true);
  });
});

describe('templatesInUse', () => {
  it('offers the latest version of each checklist unless it is retired', () => {
    const v2 = { ...v1, id: id(2), lineageId: v1.id, edition: 2 };
    const other = { ...v1, id: id(4), title: '其他' };
    const gone = { ...v1, id: id(5), status: 'retired' as const };
    const deleted = { ...v1, id: id(6), deletedAt: '2026-11-02T08:00:00.000+08:00' };
    expect(templatesInUse([v1, v2, other, gone, deleted]).map((t) => t.id)).toEqual([id(2), id(4)]);
    const retiredV3 = {
      ...v1,
      id: id(7),
      lineageId: v1.id,
      edition: 3,
      status: 'retired' as const,
    };
    expect(templatesInUse([v1, v2, retiredV3]).map((t) => t.id)).toEqual([]);
  });
});

describe('templateContentProblems', () => {
  it('finds an item id used twice and a section title used twice', () => {
    const first = v1.sections[0]!;
    expect(
      templateContentProblems({ sections: [first, { ...first, items: [first.items[0]!] }] }),
    ).toEqual([
      { code: 'duplicateSection', value: '安全管理' },
      { code: 'duplicateItemId', value: 'm-1' },
    ]);
    expect(templateContentProblems(v1)).toEqual([]);
  });
});
