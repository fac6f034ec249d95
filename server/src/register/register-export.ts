// Owns the register's Excel export: the entries a search finds, one row each, with a bold frozen
// heading row in the user's language, the issuing day as a real date and the sequence as a
// number, so that the bureau can sort, filter and print its register.
import ExcelJS from 'exceljs';
import type { RegisterEntry } from '../../../domain/sync/register-api';

export type ExportLanguage = 'zh-CN' | 'en';

const HEADINGS: Record<ExportLanguage, readonly string[]> = {
  'zh-CN': [
    '文书编号',
    '文书种类',
    '登记机关',
    '年度',
    '序号',
    '签发日期',
    '企业',
    '执法人员',
    '登记时间',
  ],
  en: [
    'Number',
    'Document',
    'Register of',
    'Year',
    'Sequence',
    'Issued on',
    'Enterprise',
    'Officers',
    'Registered at',
  ],
};

const KIND_NAMES: Record<ExportLanguage, Record<RegisterEntry['kind'], string>> = {
  'zh-CN': {
    record: '现场检查记录',
    order: '责令限期整改指令书',
    reinspection: '整改复查意见书',
    caseFiling: '立案审批表',
    penaltyNotice: '行政处罚告知书',
    penaltyDecision: '行政处罚决定书',
    extension: '延期整改审批表',
  },
  en: {
    record: 'On-site inspection record',
    order: 'Rectification order',
    reinspection: 'Re-inspection opinion',
    caseFiling: 'Case filing approval form',
    penaltyNotice: 'Notice of intended penalty',
    penaltyDecision: 'Penalty decision',
    extension: 'Extension decision',
  },
};

const WIDTHS = [32, 20, 26, 8, 8, 12, 32, 24, 20];

/** A calendar day as a date cell: midnight UTC, which Excel shows as that day wherever it runs. */
const dayCell = (day: string) => new Date(`${day}T00:00:00Z`);

export async function registerWorkbook(
  entries: readonly RegisterEntry[],
  language: ExportLanguage,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '现场检查';
  const sheet = workbook.addWorksheet(language === 'en' ? 'Document register' : '文书登记', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = HEADINGS[language].map((header, i) => ({
    header,
    key: String(i),
    width: WIDTHS[i] ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(6).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(9).numFmt = 'yyyy-mm-dd hh:mm';
  for (const e of entries) {
    sheet.addRow([
      e.number,
      KIND_NAMES[language][e.kind],
      e.agencyName ?? e.agencyId,
      e.year,
      e.sequence,
      dayCell(e.issuedOn),
      e.enterpriseName ?? e.enterpriseId,
      e.officers.map((o) => o.name ?? o.id).join(language === 'en' ? ', ' : '、'),
      // Shown in China time, as every time the bureau reads.
      new Date(Date.parse(e.registeredAt) + 8 * 3_600_000),
    ]);
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: HEADINGS[language].length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
