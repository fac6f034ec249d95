// The hazards workbook's sheet (隐患清单): one row per hazard with its enterprise, its
// inspection's agencies and officers, and every value in the bureau's Chinese terms.
import { effectiveStatus, isListedForSupervision } from '../../../../domain/rules/deadlines';
import type { Finding } from '../../../../domain/schemas/finding';
import type { ExportLookups } from './export-lookups';
import {
  CATEGORY_TEXT,
  EXPORT_GRADE,
  EXPORT_STATUS,
  EXPORT_VERIFICATION,
  KIND_TEXT,
  NO,
  WORKBOOK_TITLE,
  YES,
} from './export-vocabulary';
import { agencyNames, enterpriseCells, inspectorNames, userName } from './people-text';
import { excelChinaDay, excelDate, excelDateTime } from './sheet-spec';
import type { CellValue, ColumnSpec, SheetData } from './sheet-spec';

export const HAZARD_COLUMNS: readonly ColumnSpec[] = [
  { header: '序号', type: 'integer', width: 6 },
  { header: '隐患名称', type: 'text', width: 30 },
  { header: '隐患描述', type: 'text', width: 40 },
  { header: '隐患类别', type: 'text', width: 16 },
  { header: '隐患等级', type: 'text', width: 10 },
  { header: '整改状态', type: 'text', width: 14 },
  { header: '整改期限', type: 'date', width: 12 },
  { header: '挂牌督办', type: 'text', width: 10 },
  { header: '企业名称', type: 'text', width: 30 },
  { header: '统一社会信用代码', type: 'text', width: 22 },
  { header: '所在乡镇（街道）', type: 'text', width: 18 },
  { header: '检查日期', type: 'date', width: 12 },
  { header: '检查类型', type: 'text', width: 10 },
  { header: '检查单位', type: 'text', width: 24 },
  { header: '检查人员', type: 'text', width: 20 },
  { header: '依据', type: 'text', width: 30 },
  { header: '整改要求', type: 'text', width: 30 },
  { header: '整改责任人', type: 'text', width: 12 },
  { header: '复查结果', type: 'text', width: 12 },
  { header: '复查人员', type: 'text', width: 12 },
  { header: '复查时间', type: 'datetime', width: 17 },
];

/** The column a zip export adds: each hazard's photos, linked to their folder beside the workbook. */
export const PHOTO_COLUMN: ColumnSpec = { header: '现场照片', type: 'link', width: 24 };

/**
 * The sheet for `findings` in the order given; `today` (YYYY-MM-DD, China) decides overdue. With
 * `photos` (a zip export), a last column links each hazard to its photos.
 */
export function findingSheet(
  findings: readonly Finding[],
  lookups: ExportLookups,
  today: string,
  photos?: (finding: Finding, index: number) => CellValue,
): SheetData {
  const rows = findings.map((f, i) => {
    const enterprise = enterpriseCells(lookups, f.enterpriseId);
    const inspection = lookups.inspections.get(f.inspectionId);
    const verification = f.verification;
    return [
      i + 1,
      f.title,
      f.description || null,
      CATEGORY_TEXT[f.category],
      EXPORT_GRADE[f.grade],
      EXPORT_STATUS[effectiveStatus(f, today)],
      excelDate(f.deadline),
      isListedForSupervision(f) ? YES : NO,
      enterprise.name,
      enterprise.creditCode,
      enterprise.town,
      inspection ? excelChinaDay(inspection.startedAt) : null,
      inspection ? KIND_TEXT[inspection.kind] : null,
      inspection ? agencyNames(lookups, inspection.agencyIds) : null,
      inspection ? inspectorNames(lookups, inspection) : null,
      f.legalBasis,
      f.requirement,
      f.responsiblePerson,
      verification ? EXPORT_VERIFICATION[verification.result] : null,
      verification ? userName(lookups, verification.verifiedBy) : null,
      verification ? excelDateTime(verification.verifiedAt) : null,
      ...(photos ? [photos(f, i)] : []),
    ];
  });
  const columns = photos ? [...HAZARD_COLUMNS, PHOTO_COLUMN] : HAZARD_COLUMNS;
  return { name: WORKBOOK_TITLE.hazards, columns, rows };
}
