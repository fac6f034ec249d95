// Enterprise registry sheets for import tests: valid credit codes, a row with every column filled
// (any cell replaced by heading), and the same rows as .csv or .xlsx bytes; and the fields of one
// enterprise as the administration form sends them.
import ExcelJS from 'exceljs';
import type { SheetCell } from '../../domain/rules/sheet-columns';
import { ENTERPRISE_COLUMNS } from '../../domain/rules/enterprise-sheet';
import { UNIT_COLUMNS } from '../../domain/rules/enterprise-unit-sheet';
import { unitsFromChemicals } from '../../domain/rules/enterprise-units';
import { usccCheckCharacter } from '../../domain/rules/uscc';
import type { EnterpriseInput } from '../../domain/schemas/enterprise';
import { formatCsv } from '../../server/src/admin/sheet-csv';

export const HEADINGS = ENTERPRISE_COLUMNS.map((c) => c.heading);
export const UNIT_HEADINGS = UNIT_COLUMNS.map((c) => c.heading);

/** A row of the 装置单元 sheet (of creditCode(1) unless given), cells by heading. */
export function unitRow(cells: Record<string, SheetCell>): SheetCell[] {
  const base: Record<string, SheetCell> = { 统一社会信用代码: creditCode(1), ...cells };
  return UNIT_HEADINGS.map((h) => base[h] ?? null);
}

/** A valid credit code of Shangyu with organisation number n. */
export function creditCode(n: number): string {
  const first17 = `91330604${String(n).padStart(8, '0')}X`;
  return first17 + usccCheckCharacter(first17);
}

/** A valid enterprise of 道墟街道 (creditCode(1)) with a store of liquid ammonia, as edited. */
export const enterpriseInput = (overrides: Partial<EnterpriseInput> = {}): EnterpriseInput => ({
  name: '上虞新材料有限公司',
  creditCode: creditCode(1),
  address: '道墟街道工业园 1 号',
  town: '330604004',
  lat: 30.05,
  lon: 120.81,
  industry: '精细化工',
  contacts: [{ name: '王明', title: '安全主管', phone: '13800000001' }],
  units: unitsFromChemicals([{ name: '液氨', cas: '7664-41-7', maxQuantityT: 20 }]),
  peopleWithin500m: 120,
  track: 'cluster_upgrade',
  trackMilestones: [{ title: '完成搬迁', due: '2027-06-30', doneAt: null }],
  ...overrides,
});

/** The same code with a wrong check character. */
export function badCheckCode(n: number): string {
  const good = creditCode(n);
  return good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
}

/** One row of the sheet with some cells replaced, by heading. */
export function row(overrides: Record<string, SheetCell>): SheetCell[] {
  const base: Record<string, SheetCell> = {
    统一社会信用代码: creditCode(1),
    企业名称: '上虞新材料有限公司',
    '所属乡镇/街道': '道墟街道',
    地址: '道墟街道工业园 1 号',
    行业: '精细化工',
    经度: 120.81,
    纬度: 30.05,
    周边500米内人数: 120,
    联系人: '王明（安全主管）；李华',
    联系电话: '13800000001；0575-82000000',
    危险化学品: '液氨（7664-41-7，20吨）；甲醇（67-56-1，100.5吨）',
    整治提升类别: '集聚提升',
    整治提升节点:
      '完成搬迁（截止2020-12-31，完成于2020-11-30T08:00:00.000+08:00）；验收（截止2021-06-30）',
    经营状态: '在营',
    '关停/兼并日期': '',
    并入企业统一社会信用代码: '',
    ...overrides,
  };
  return HEADINGS.map((h) => base[h] ?? null);
}

export function csvBytes(rows: SheetCell[][], headings: SheetCell[] = HEADINGS): Uint8Array {
  return formatCsv([headings, ...rows]);
}

export async function xlsxBytes(
  rows: SheetCell[][],
  headings: SheetCell[] = HEADINGS,
  unitRows?: SheetCell[][],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(headings);
  for (const r of rows) sheet.addRow(r);
  if (unitRows) {
    const units = workbook.addWorksheet('装置单元');
    units.addRow(UNIT_HEADINGS);
    for (const r of unitRows) units.addRow(r);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
