import { describe, expect, it } from 'vitest';
import {
  MAJOR_HAZARD_CRITERIA_SOURCE,
  majorHazardCriteria,
  majorHazardDefects,
  majorHazardItem,
} from '../../../../domain/data/major-hazard-criteria-2017';
import { draftFindingFromItem, guessCategory } from '../../../../domain/rules/finding-from-item';
import { findingSchema } from '../../../../domain/schemas/finding';
import { templateItemSchema } from '../../../../domain/schemas/template';
import { ruleFinding } from './fixture-records';

describe('draftFindingFromItem', () => {
  it('drafts a major hazard from a failed major-hazard criterion, titled by its defect', () => {
    const item = majorHazardItem(2);
    expect(
      draftFindingFromItem(item, '重大隐患判定 (20 项)', '2026-03-02', '重大生产安全事故隐患判定'),
    ).toEqual({
      itemId: 'mh-02',
      title: '特种作业人员未持证上岗',
      description: '',
      category: 'special_operations',
      grade: 'major',
      legalBasis: `${MAJOR_HAZARD_CRITERIA_SOURCE}第2项`,
      requirement: '',
      deadline: '2026-05-01',
    });
  });

  it('titles the hazard with the item’s defect wording, never with the requirement', () => {
    const item = {
      id: 'gas-01',
      text: '涉及可燃和有毒有害气体泄漏的场所应按规定设置检测报警装置',
      legalBasis: 'GB/T 50493-2019 第3.0.1条',
      defectText: ' 未按规定设置可燃气体检测报警装置 ',
    };
    expect(draftFindingFromItem(item, '通用安全检查', '2026-03-02')).toMatchObject({
      title: '未按规定设置可燃气体检测报警装置',
      description: '',
    });
  });

  it('leaves the title for the inspector when the item has no defect wording', () => {
    const item = {
      id: 'gs-1-2',
      text: '主要负责人和安全生产管理人员经应急管理部门考核合格',
      legalBasis: '《中华人民共和国安全生产法》第二十七条',
    };
    const draft = draftFindingFromItem(item, '危险化学品企业安全生产检查表', '2026-03-02');
    expect(draft.title).toBe('');
    expect(draft.description).toBe('');
  });

  it('drafts a general hazard, with its category from the section title', () => {
    const item = {
      id: 'gs-3-1',
      text: '消防车道保持畅通，未被占用',
      legalBasis: '《消防法》第二十八条',
    };
    const draft = draftFindingFromItem(item, '危险化学品企业安全生产检查表', '2026-03-02', '消防');
    expect(draft).toMatchObject({ grade: 'general', category: 'fire', deadline: '2026-03-17' });
  });

  it('makes a record the hazard schema accepts once the inspector adds the rest', () => {
    const item = {
      id: 'w-1',
      text: '雨污分流，初期雨水收集池有效',
      legalBasis: '《水污染防治法》',
      defectText: '未实行雨污分流，初期雨水收集池失效',
    };
    const draft = draftFindingFromItem(item, '化工企业环境保护检查表', '2026-03-02', '废水');
    const record = { ...ruleFinding(1), ...draft, requirement: '完成雨污分流改造' };
    expect(findingSchema.safeParse(record).success).toBe(true);
  });
});

describe('the defect wording of the twenty major-hazard criteria', () => {
  it('states each criterion as a defect, one for each, different from the requirement', () => {
    expect(majorHazardDefects).toHaveLength(majorHazardCriteria.length);
    majorHazardCriteria.forEach((criterion, i) => {
      const item = majorHazardItem(i + 1);
      expect(item.defectText).toBe(majorHazardDefects[i]);
      expect(item.defectText).not.toBe(criterion);
      // The wording of a defect: something not done, not met, or done that is forbidden.
      expect(item.defectText).toMatch(/未|不符合|不满足|穿越|使用淘汰|超量|混放/u);
      expect(templateItemSchema.safeParse(item).success).toBe(true);
    });
  });
});

describe('guessCategory', () => {
  it.each([
    ['危险化学品储存', '按储存禁忌分区存放', 'chemical_storage'],
    ['消防', '灭火器配置符合要求', 'fire'],
    ['电气', '配电箱接地可靠', 'electrical'],
    ['特种作业', '动火作业办理许可', 'special_operations'],
    ['废水', '污水处理设施正常运行', 'wastewater'],
    ['废气/VOCs', '开展LDAR', 'waste_gas'],
    ['危险废物', '危险废物贮存场所规范', 'hazardous_waste'],
    ['应急管理', '应急预案备案并演练', 'emergency_response'],
    ['安全管理', '建立全员安全生产责任制', 'management'],
  ] as const)('section %s → %s', (section, text, expected) => {
    expect(guessCategory(section, text, '检查表')).toBe(expected);
  });

  it('falls back to the item text when the section names no category', () => {
    expect(
      guessCategory(
        '重大生产安全事故隐患判定（第1–20项）',
        '涉及重点监管危险化工工艺的装置实现自动化控制',
        '',
      ),
    ).toBe('process_safety');
    expect(guessCategory(null, '企业VOCs无组织排放控制', '')).toBe('waste_gas');
  });

  it('says other when nothing matches', () => {
    expect(guessCategory('其他', '厂容厂貌整洁', '检查表')).toBe('other');
  });
});
