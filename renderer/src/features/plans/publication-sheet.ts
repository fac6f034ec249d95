// The published results of a draw (抽查结果公示) as a sheet of a workbook. The results go to the
// public, so headings and values are Chinese whatever language the app is shown in, like the
// other exports and the printed documents.
import type { Publication, PublicationRow } from '../../../../domain/schemas/publication';
import type { RiskClass } from '../../../../domain/schemas/risk';
import { excelDate } from '../exports/sheet-spec';
import type { SheetData } from '../exports/sheet-spec';

export const RISK_CLASS_TEXT: Readonly<Record<RiskClass, string>> = {
  major: '重大风险',
  considerable: '较大风险',
  general: '一般风险',
  low: '低风险',
};

/** The row's outcome as published. */
export function outcomeText(row: Pick<PublicationRow, 'outcome' | 'hazards'>): string {
  switch (row.outcome) {
    case 'unstaffed':
      return '未能派员，未实施检查';
    case 'pending':
      return '尚未检查';
    case 'noHazards':
      return '未发现问题';
    case 'hazardsFound':
      return row.hazards.major > 0
        ? `发现隐患${row.hazards.total}项（其中重大隐患${row.hazards.major}项），已责令整改`
        : `发现隐患${row.hazards.total}项，已责令整改`;
  }
}

/** What was checked: the checklists and how many items. */
export function itemsText(row: Pick<PublicationRow, 'checklists' | 'itemsChecked'>): string {
  if (row.checklists.length === 0) return '';
  return `${row.checklists.join('、')}（${row.itemsChecked}项）`;
}

export const PUBLICATION_TITLE = '双随机抽查结果公示';

export function publicationSheet(publication: Publication): SheetData {
  return {
    name: `${PUBLICATION_TITLE}${publication.draw.year}${publication.draw.periodKey}`,
    columns: [
      { header: '序号', type: 'integer', width: 6 },
      { header: '企业名称', type: 'text', width: 36 },
      { header: '风险等级', type: 'text', width: 10 },
      { header: '检查日期', type: 'date', width: 12 },
      { header: '检查实施机关', type: 'text', width: 30 },
      { header: '联合检查', type: 'text', width: 10 },
      { header: '检查事项', type: 'text', width: 36 },
      { header: '检查结果', type: 'text', width: 40 },
    ],
    rows: publication.rows.map((row, i) => [
      i + 1,
      row.enterpriseName,
      RISK_CLASS_TEXT[row.riskClass],
      excelDate(row.inspectedOn),
      row.agencyNames.join('、'),
      row.joint ? '是' : '否',
      itemsText(row),
      outcomeText(row),
    ]),
  };
}

export function publicationFileName(publication: Publication, ext: 'xlsx' | 'pdf'): string {
  return `${PUBLICATION_TITLE}-${publication.draw.year}-${publication.draw.periodKey}.${ext}`;
}
