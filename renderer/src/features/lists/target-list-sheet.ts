// The inspection-target list as an Excel sheet, in the bureau's Chinese terms like the other
// exports: each enterprise with its town, computed class and points, the class in force, and the
// override's decider, time and reason.
import type { RiskClass } from '../../../../domain/schemas/risk';
import type { TargetRow } from '../../../../domain/schemas/target-list-api';
import { excelDateTime } from '../exports/sheet-spec';
import type { SheetData } from '../exports/sheet-spec';

export const TARGET_LIST_TITLE = '检查对象名录库';

const CLASS_NAMES: Record<RiskClass, string> = {
  major: '重大风险',
  considerable: '较大风险',
  general: '一般风险',
  low: '低风险',
};

interface Names {
  town: (code: string) => string;
  user: (id: string) => string;
}

export function targetListSheet(rows: readonly TargetRow[], names: Names): SheetData {
  return {
    name: TARGET_LIST_TITLE,
    columns: [
      { header: '企业名称', type: 'text', width: 36 },
      { header: '所属乡镇（街道）', type: 'text', width: 16 },
      { header: '重大危险源级别', type: 'integer', width: 10 },
      { header: '分值', type: 'integer', width: 8 },
      { header: '计算等级', type: 'text', width: 12 },
      { header: '生效等级', type: 'text', width: 12 },
      { header: '调整人', type: 'text', width: 12 },
      { header: '调整时间', type: 'datetime', width: 18 },
      { header: '调整理由', type: 'text', width: 48 },
    ],
    rows: rows.map((r) => [
      r.name,
      names.town(r.town),
      r.majorHazardLevel,
      r.score,
      CLASS_NAMES[r.computedClass],
      CLASS_NAMES[r.riskClass],
      r.override ? names.user(r.override.decidedBy) : null,
      r.override ? excelDateTime(r.override.decidedAt) : null,
      r.override?.reason ?? null,
    ]),
  };
}
