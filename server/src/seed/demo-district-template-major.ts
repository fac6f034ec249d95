// The demo district's use of the built-in "重大隐患判定 (20 项)" checklist (the 2017 criteria,
// domain/data/major-hazard-criteria-2017.ts): what a finding raised on each criterion asks (its
// problem is the criterion's defect wording).
import {
  majorHazardChecklist,
  majorHazardDefects,
  majorHazardItem,
} from '../../../domain/data/major-hazard-criteria-2017';
import type { FindingCategory } from '../../../domain/schemas/finding';
import type { DemoTemplateSpec } from './demo-district-template-types';

type Row = [requirement: string, category: FindingCategory];

const rows: Row[] = [
  ['立即组织参加安全生产知识和管理能力考核，考核合格前不得履职', 'management'],
  ['立即停止无证人员作业，取得特种作业操作证后方可上岗', 'special_operations'],
  ['委托开展外部安全防护距离评估，制定搬迁或减量整改方案并报备', 'process_safety'],
  ['完成自动化控制和紧急停车系统改造并投用，改造完成前停止相关装置运行', 'process_safety'],
  ['增设紧急切断装置和独立的安全仪表系统，完成前降低储存量', 'chemical_storage'],
  ['按标准增设注水设施并组织验收', 'chemical_storage'],
  ['停止软管充装，改用万向管道充装系统', 'chemical_storage'],
  ['制定管道改线方案并实施，完成前加强巡检和泄漏监测', 'process_safety'],
  ['联系供电部门迁改线路，完成前划定警戒区域', 'electrical'],
  ['委托具备资质的设计单位开展安全设计诊断并落实整改', 'process_safety'],
  ['停止使用并拆除淘汰工艺、设备', 'process_safety'],
  ['按标准补设可燃、有毒气体检测报警装置，更换不符合防爆要求的电气设备', 'electrical'],
  ['对控制室或机柜间实施抗爆改造或搬迁', 'fire'],
  ['增设双重电源和不间断电源并定期测试', 'electrical'],
  ['立即恢复投用安全附件并按期校验', 'process_safety'],
  ['建立全员安全生产责任制和隐患排查治理制度，组织培训并落实', 'management'],
  ['编制操作规程和工艺控制指标，培训考核后执行', 'management'],
  ['制定并严格执行特殊作业管理制度，作业票证审批齐全', 'special_operations'],
  ['开展反应安全风险评估，完成前停止相关工艺生产', 'process_safety'],
  ['立即清理超量物料，按禁配要求分区分类储存', 'chemical_storage'],
];

export const majorHazardTemplate: DemoTemplateSpec = {
  key: 'major',
  title: majorHazardChecklist.title,
  agencyKind: majorHazardChecklist.agencyKind,
  sections: [
    {
      title: majorHazardChecklist.sections[0]?.title ?? '',
      items: rows.map(([requirement, category], i) => ({
        ...majorHazardItem(i + 1),
        // A finding raised on a criterion says what the criterion's defect wording says.
        problem: majorHazardDefects[i] ?? '',
        requirement,
        category,
      })),
    },
  ],
};
