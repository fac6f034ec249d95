// The inspections workbook's sheet (检查记录): one row per inspection with its enterprise,
// agencies, officers, review and the counts of its checklist results and hazards.
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { ExportLookups } from './export-lookups';
import {
  EXPORT_INSPECTION_STATUS,
  EXPORT_REVIEW,
  KIND_TEXT,
  NOT_SUBMITTED,
  WORKBOOK_TITLE,
} from './export-vocabulary';
import { agencyNames, enterpriseCells, userName, userNames } from './people-text';
import { excelDateTime } from './sheet-spec';
import type { ColumnSpec, SheetData } from './sheet-spec';

export const INSPECTION_COLUMNS: readonly ColumnSpec[] = [
  { header: '序号', type: 'integer', width: 6 },
  { header: '企业名称', type: 'text', width: 30 },
  { header: '统一社会信用代码', type: 'text', width: 22 },
  { header: '所在乡镇（街道）', type: 'text', width: 18 },
  { header: '检查类型', type: 'text', width: 10 },
  { header: '检查单位', type: 'text', width: 24 },
  { header: '主办检查人员', type: 'text', width: 12 },
  { header: '协办检查人员', type: 'text', width: 20 },
  { header: '开始时间', type: 'datetime', width: 17 },
  { header: '结束时间', type: 'datetime', width: 17 },
  { header: '检查状态', type: 'text', width: 10 },
  { header: '审核状态', type: 'text', width: 10 },
  { header: '审核意见', type: 'text', width: 30 },
  { header: '审核人', type: 'text', width: 12 },
  { header: '审核时间', type: 'datetime', width: 17 },
  { header: '检查项数', type: 'integer', width: 10 },
  { header: '不符合项数', type: 'integer', width: 10 },
  { header: '发现隐患数', type: 'integer', width: 10 },
  { header: '其中重大隐患数', type: 'integer', width: 14 },
  { header: '企业现场负责人', type: 'text', width: 14 },
];

/** The sheet for `inspections` in the order given. */
export function inspectionSheet(
  inspections: readonly Inspection[],
  lookups: ExportLookups,
): SheetData {
  const rows = inspections.map((inspection, i) => {
    const enterprise = enterpriseCells(lookups, inspection.enterpriseId);
    const submitted = inspection.status === 'submitted';
    const { review } = inspection;
    const hazards = lookups.findingCounts.get(inspection.id) ?? { total: 0, major: 0 };
    return [
      i + 1,
      enterprise.name,
      enterprise.creditCode,
      enterprise.town,
      KIND_TEXT[inspection.kind],
      agencyNames(lookups, inspection.agencyIds),
      userName(lookups, inspection.leadInspectorId) ?? inspection.leadInspectorId,
      userNames(lookups, inspection.coInspectorIds) || null,
      excelDateTime(inspection.startedAt),
      excelDateTime(inspection.finishedAt),
      EXPORT_INSPECTION_STATUS[inspection.status],
      submitted ? EXPORT_REVIEW[review.status] : NOT_SUBMITTED,
      review.comment || null,
      userName(lookups, review.reviewerId),
      excelDateTime(review.reviewedAt),
      inspection.itemResults.length,
      inspection.itemResults.filter((r) => r.result === 'fail').length,
      hazards.total,
      hazards.major,
      inspection.enterpriseRep?.name || null,
    ];
  });
  return { name: WORKBOOK_TITLE.inspections, columns: INSPECTION_COLUMNS, rows };
}
