import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  draftFindingFromItem,
  guessCategory,
  shortenTitle,
  TITLE_MAX_CHARS,
} from '../../../../domain/rules/finding-from-item';
import { findingSchema } from '../../../../domain/schemas/finding';
import { ruleFinding } from './fixture-records';

const criteria = '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》';

describe('draftFindingFromItem', () => {
  it('drafts a major hazard from a failed major-hazard criterion', () => {
    const item = {
      id: 'mh-02',
      text: '特种作业人员持有效证件上岗',
      legalBasis: `${criteria}第二项`,
      majorCriterion: 2,
    };
    expect(
      draftFindingFromItem(item, '重大隐患判定 (20 项)', '2026-03-02', '重大生产安全事故隐患判定'),
    ).toEqual({
      itemId: 'mh-02',
      title: '特种作业人员持有效证件上岗',
      description: '',
      category: 'special_operations',
      grade: 'major',
      legalBasis: `${criteria}第二项`,
      requirement: '',
      deadline: '2026-05-01',
    });
  });

  it('titles the hazard with the item’s defect wording, keeping the item’s text as description', () => {
    const item = {
      id: 'gas-01',
      text: '涉及可燃和有毒有害气体泄漏的场所应按规定设置检测报警装置',
      legalBasis: 'GB/T 50493-2019 第3.0.1条',
      defectText: '未按规定设置可燃气体检测报警装置',
    };
    expect(draftFindingFromItem(item, '通用安全检查', '2026-03-02')).toMatchObject({
      title: '未按规定设置可燃气体检测报警装置',
      description: '涉及可燃和有毒有害气体泄漏的场所应按规定设置检测报警装置',
    });
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
    };
    const draft = draftFindingFromItem(item, '化工企业环境保护检查表', '2026-03-02', '废水');
    const record = { ...ruleFinding(1), ...draft, requirement: '完成雨污分流改造' };
    expect(findingSchema.safeParse(record).success).toBe(true);
  });

  it('keeps a long item text whole in the description when the title is shortened', () => {
    const text =
      '构成一级、二级重大危险源的危险化学品罐区实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源罐区配备独立的安全仪表系统';
    const draft = draftFindingFromItem(
      { id: 'mh-05', text, legalBasis: criteria, majorCriterion: 5 },
      '重大隐患判定 (20 项)',
      '2026-03-02',
    );
    expect(draft.title).toBe('构成一级、二级重大危险源的危险化学品罐区实现紧急切断功能');
    expect(draft.description).toBe(text);
    expect(draft.category).toBe('chemical_storage');
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

describe('shortenTitle', () => {
  it('keeps a short text whole, trimming and folding its whitespace', () => {
    expect(shortenTitle('  消防通道\n畅通 ')).toBe('消防通道 畅通');
  });

  it('cuts at the last comma that fits when the first clause is too long', () => {
    const text = `${'甲'.repeat(30)}，${'乙'.repeat(25)}，${'丙'.repeat(20)}`;
    expect(shortenTitle(text)).toBe(`${'甲'.repeat(30)}，${'乙'.repeat(25)}`);
  });

  it('cuts with an ellipsis when there is nowhere better', () => {
    expect(shortenTitle('丁'.repeat(80))).toBe(`${'丁'.repeat(59)}…`);
  });

  it('never splits a character outside the basic plane', () => {
    expect(shortenTitle('𠀋'.repeat(70), 10)).toBe(`${'𠀋'.repeat(9)}…`);
  });

  it('returns at most the limit, from the start of the text', () => {
    const chars = fc.constantFrom('安', '全', '，', '；', 'a', ' ', '、', '𠀋');
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 300 }), (parts) => {
        const text = parts.join('');
        const title = shortenTitle(text);
        const normal = text.trim().replace(/\s+/gu, ' ');
        expect(Array.from(title).length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
        expect(normal.startsWith(title.replace(/…$/u, ''))).toBe(true);
      }),
    );
  });
});
