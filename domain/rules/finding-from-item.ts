// The hazard form's starting values when a checklist item fails: what the item already says
// (text, legal basis, whether it is a major-hazard criterion) so the inspector only adds what
// they saw.
import type { Finding, FindingCategory } from '../schemas/finding';
import type { TemplateItem } from '../schemas/template';
import { defaultDeadline } from './deadlines';

/**
 * The fields of a finding that an inspector writes, and that a failed item suggests. (Not the
 * renderer's findingDrafts table, which keeps a half-filled form.)
 */
export type FindingFields = Pick<
  Finding,
  | 'itemId'
  | 'title'
  | 'description'
  | 'category'
  | 'grade'
  | 'legalBasis'
  | 'requirement'
  | 'deadline'
>;

/**
 * Keywords that name a category, tried in this order on the section title first, then on the
 * item's text, then on the template title. Order matters: 危险废物贮存 is hazardous waste, not
 * storage, and 应急管理 is emergency response, not management, so the narrower words come first.
 */
export const CATEGORY_KEYWORDS: readonly (readonly [FindingCategory, readonly string[]])[] = [
  ['hazardous_waste', ['危险废物', '危废', '转移联单']],
  ['wastewater', ['废水', '污水', '雨污分流', '排水']],
  ['waste_gas', ['废气', 'VOCs', 'VOC', '挥发性有机物', 'LDAR', '泄漏检测与修复']],
  ['special_operations', ['特种作业', '特殊作业', '动火', '受限空间', '高处作业', '盲板抽堵']],
  ['fire', ['消防', '火灾', '灭火', '防火', '疏散通道', '安全出口']],
  ['electrical', ['电气', '电力线路', '双重电源', '不间断电源', '配电', '接地', '防雷', '静电']],
  ['emergency_response', ['应急']],
  ['chemical_storage', ['储存', '贮存', '储罐', '罐区', '仓库', '库房', '混存', '充装']],
  [
    'process_safety',
    ['工艺', '自动化控制', '紧急停车', '安全仪表', '安全阀', '爆破片', '装置', '管道', '防护距离'],
  ],
  ['management', ['管理', '责任制', '制度', '培训', '考核', '操作规程', '台账', '许可']],
];

/** The category whose keyword first appears in the section title, item text or template title. */
export function guessCategory(
  sectionTitle: string | null,
  itemText: string,
  templateTitle: string,
): FindingCategory {
  for (const text of [sectionTitle ?? '', itemText, templateTitle]) {
    const lower = text.toLowerCase();
    for (const [category, words] of CATEGORY_KEYWORDS) {
      if (words.some((w) => lower.includes(w.toLowerCase()))) return category;
    }
  }
  return 'other';
}

/** Long enough for one line of the rectification order's table in Chinese; the schema allows 200. */
export const TITLE_MAX_CHARS = 60;
const CLAUSE_END = /[；;。]/u;
const PHRASE_BREAK = /[，,、：:]/u;

/**
 * A title from an item's text: the whole text when it fits; otherwise its first clause (up to a
 * full stop or semicolon) when that fits, else up to the last comma that fits, else cut with an
 * ellipsis. Counted in code points so that no character is split.
 */
export function shortenTitle(text: string, max: number = TITLE_MAX_CHARS): string {
  const chars = Array.from(text.trim().replace(/\s+/gu, ' '));
  if (chars.length <= max) return chars.join('');
  const clauseEnd = chars.findIndex((c) => CLAUSE_END.test(c));
  if (clauseEnd > 0 && clauseEnd <= max) return chars.slice(0, clauseEnd).join('');
  for (let i = max; i > max / 3; i--) {
    if (PHRASE_BREAK.test(chars[i] ?? '')) return chars.slice(0, i).join('');
  }
  return `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Prefilled fields of the hazard for a failed item: titled by the item's defect wording if the
 * template gives one, else by the item's text. A failed major-hazard criterion is a major
 * hazard by the 2017 criteria; the inspector may still change the grade. The full item text goes
 * into the description when the title had to be shortened, so nothing of it is lost. The
 * rectification requirement is left empty: it must describe what this enterprise has to do.
 */
export function draftFindingFromItem(
  item: TemplateItem,
  templateTitle: string,
  today: string,
  sectionTitle: string | null = null,
): FindingFields {
  const grade = item.majorCriterion === undefined ? 'general' : 'major';
  // The template's own wording of the defect, when it has one, names the hazard best.
  const title = item.defectText?.trim() || shortenTitle(item.text);
  return {
    itemId: item.id,
    title,
    description: title === item.text.trim() ? '' : item.text.trim(),
    category: guessCategory(sectionTitle, item.text, templateTitle),
    grade,
    legalBasis: item.legalBasis,
    requirement: '',
    deadline: defaultDeadline(grade, today),
  };
}
