// The 2017 national criteria for a major accident hazard in chemical and hazardous-chemical
// enterprises: twenty conditions, any one of which found at an enterprise is a major hazard
// (重大隐患). Statutory content: every installation ships them as the built-in checklist
// "重大隐患判定 (20 项)", one item per criterion with its number as legal basis and the defect
// it names as the title of the hazard a failed criterion opens.
import type { AgencyKind } from '../schemas/agency';
import type { TemplateItem } from '../schemas/template';

export const MAJOR_HAZARD_CRITERIA_SOURCE =
  '《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）》';

/** The criteria in their official order: criterion n is `majorHazardCriteria[n - 1]`. */
export const majorHazardCriteria: readonly string[] = [
  '主要负责人和安全生产管理人员依法经考核合格',
  '特种作业人员持有效证件上岗',
  '涉及重点监管危险化工工艺、重点监管危险化学品和重大危险源的装置和储存设施，外部安全防护距离符合国家标准要求',
  '涉及重点监管危险化工工艺的装置实现自动化控制，系统具备紧急停车功能并正常投用',
  '构成一级、二级重大危险源的危险化学品罐区实现紧急切断功能；涉及毒性气体、液化气体、剧毒液体的一级、二级重大危险源罐区配备独立的安全仪表系统',
  '全压力式液化烃储罐按国家标准设置注水措施',
  '液化烃、液氨、液氯等易燃易爆有毒有害液化气体的充装使用万向管道充装系统',
  '光气、氯气等剧毒气体及硫化氢气体管道不穿越厂区（化工园区、工业园区）外的公共区域',
  '地区架空电力线路不穿越生产区，或穿越时符合国家标准要求',
  '在役化工装置经正规设计，或已委托具备资质的设计单位进行安全设计诊断',
  '未使用国家明令淘汰落后安全技术工艺、设备目录列出的工艺、设备',
  '涉及可燃和有毒有害气体泄漏的场所按国家标准设置检测报警装置，爆炸危险场所按国家标准安装使用防爆电气设备',
  '控制室或机柜间面向具有火灾、爆炸危险性装置一侧满足国家标准关于防火防爆的要求',
  '化工生产装置按国家标准要求设置双重电源供电，自动化控制系统设置不间断电源',
  '安全阀、爆破片等安全附件正常投用',
  '建立与岗位相匹配的全员安全生产责任制，建立并执行隐患排查治理制度',
  '制定操作规程和工艺控制指标',
  '按照国家标准制定动火、进入受限空间等特殊作业管理制度并有效执行',
  '新开发的危险化学品生产工艺经小试、中试、工业化试验逐级放大；国内首次使用的化工工艺经省级安全可靠性论证；新建装置制定试生产方案；精细化工企业按规范开展反应安全风险评估',
  '按国家标准分区分类储存危险化学品，不超量、超品种储存，相互禁配物质不混放混存',
];

/**
 * Each criterion as the hazard it names when an enterprise fails it (its defect wording, the
 * title of the hazard it opens), in the words of the 2017 criteria themselves: criterion n is
 * `majorHazardDefects[n - 1]`.
 */
export const majorHazardDefects: readonly string[] = [
  '主要负责人和安全生产管理人员未依法经考核合格',
  '特种作业人员未持证上岗',
  '涉及“两重点一重大”的生产装置、储存设施外部安全防护距离不符合国家标准要求',
  '涉及重点监管危险化工工艺的装置未实现自动化控制，系统未实现紧急停车功能，或自动化控制系统、紧急停车系统未投入使用',
  '一级、二级重大危险源的危险化学品罐区未实现紧急切断功能，或涉及毒性气体、液化气体、剧毒液体的未配备独立的安全仪表系统',
  '全压力式液化烃储罐未按国家标准设置注水措施',
  '液化烃、液氨、液氯等易燃易爆、有毒有害液化气体的充装未使用万向管道充装系统',
  '光气、氯气等剧毒气体及硫化氢气体管道穿越厂区（化工园区、工业园区）外的公共区域',
  '地区架空电力线路穿越生产区且不符合国家标准要求',
  '在役化工装置未经正规设计且未进行安全设计诊断',
  '使用淘汰落后安全技术工艺、设备目录列出的工艺、设备',
  '涉及可燃和有毒有害气体泄漏的场所未按国家标准设置检测报警装置，或爆炸危险场所未按国家标准安装使用防爆电气设备',
  '控制室或机柜间面向具有火灾、爆炸危险性装置一侧不满足国家标准关于防火防爆的要求',
  '化工生产装置未按国家标准要求设置双重电源供电，或自动化控制系统未设置不间断电源',
  '安全阀、爆破片等安全附件未正常投用',
  '未建立与岗位相匹配的全员安全生产责任制，或未制定实施生产安全事故隐患排查治理制度',
  '未制定操作规程和工艺控制指标',
  '未按照国家标准制定动火、进入受限空间等特殊作业管理制度，或制度未有效执行',
  '新开发的危险化学品生产工艺未经逐级放大试验、国内首次使用的化工工艺未经省级安全可靠性论证、新建装置未制定试生产方案，或精细化工企业未按规范开展反应安全风险评估',
  '未按国家标准分区分类储存危险化学品，超量、超品种储存，或相互禁配物质混放混存',
];

/** The checklist item of criterion n (1–20): ids mh-01 … mh-20, stable across versions. */
export function majorHazardItem(n: number): TemplateItem {
  const text = majorHazardCriteria[n - 1];
  const defectText = majorHazardDefects[n - 1];
  if (text === undefined || defectText === undefined)
    throw new RangeError(`no major-hazard criterion ${n}`);
  return {
    id: `mh-${String(n).padStart(2, '0')}`,
    text,
    legalBasis: `${MAJOR_HAZARD_CRITERIA_SOURCE}第${n}项`,
    majorCriterion: n,
    defectText,
  };
}

/** The built-in checklist's content (everything but its record fields). */
export const majorHazardChecklist: {
  title: string;
  agencyKind: AgencyKind;
  sections: { title: string; items: TemplateItem[] }[];
} = {
  title: '重大隐患判定 (20 项)',
  agencyKind: 'safety',
  sections: [
    {
      title: '重大生产安全事故隐患判定（第1–20项）',
      items: majorHazardCriteria.map((_, i) => majorHazardItem(i + 1)),
    },
  ],
};
