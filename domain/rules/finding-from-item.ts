// The hazard form's starting values when a checklist item fails: what the item already says
// (its defect wording, legal basis, whether it is a major-hazard criterion) so the inspector only
// adds what they saw.
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

/**
 * Prefilled fields of the hazard for a failed item. Its title is the item's defect wording (the
 * statement of the defect, e.g. 未按规定设置…): the item's own text states the requirement, the
 * opposite of the hazard, so an item without a defect wording leaves the title for the inspector
 * to write (the form shows the requirement beside it). A failed major-hazard criterion is a major
 * hazard by the 2017 criteria; the inspector may still change the grade. The rectification
 * requirement is left empty: it must describe what this enterprise has to do.
 */
export function draftFindingFromItem(
  item: TemplateItem,
  templateTitle: string,
  today: string,
  sectionTitle: string | null = null,
): FindingFields {
  const grade = item.majorCriterion === undefined ? 'general' : 'major';
  return {
    itemId: item.id,
    title: item.defectText?.trim() ?? '',
    description: '',
    category: guessCategory(sectionTitle, item.text, templateTitle),
    grade,
    legalBasis: item.legalBasis,
    requirement: '',
    deadline: defaultDeadline(grade, today),
  };
}
