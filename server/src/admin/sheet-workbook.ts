// Excel workbooks of the registry: reading the cells of a sheet as plain values (text, numbers,
// dates as YYYY-MM-DD) whatever Excel stored (rich text, formulas, hyperlinks), and writing a
// sheet with a bold, frozen heading row whose text columns stay text (an 18-digit credit code
// typed into a number cell would lose digits).
import ExcelJSModule from 'exceljs';
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import type { SheetCell } from '../../../domain/rules/sheet-columns';

// The library is CommonJS: Node exposes it as the default export, some bundles as the namespace.
const ExcelJS =
  (ExcelJSModule as unknown as { default?: typeof ExcelJSModule }).default ?? ExcelJSModule;

/** Whether the bytes are a ZIP archive, as every .xlsx file is. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const pad = (n: number) => String(n).padStart(2, '0');

function plain(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // Excel dates have no time zone; exceljs reads them as that day at midnight UTC.
    return `${String(value.getUTCFullYear())}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return plain((value.result ?? null) as CellValue);
  if ('error' in value) return null;
  return null;
}

export interface SheetRows {
  /** Every row of the sheet, with its number in the file. */
  rows: { row: number; cells: SheetCell[] }[];
  /** The rows of the further sheet asked for, or null when the workbook has none of that name. */
  further: { row: number; cells: SheetCell[] }[] | null;
}

function rowsOf(sheet: Worksheet): SheetRows['rows'] {
  const rows: SheetRows['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SheetCell[] = [];
    // row.values is 1-based: index 0 is always empty.
    const values = row.values as CellValue[];
    for (let i = 1; i < values.length; i++) cells.push(plain(values[i] ?? null));
    rows.push({ row: number, cells });
  });
  return rows;
}

/**
 * The rows of the worksheet named `name`, or of the first one, and of the worksheet named
 * `further` if there is one. Throws on a file that is no workbook.
 */
export async function readWorkbookRows(
  bytes: Uint8Array,
  name: string,
  further?: string,
): Promise<SheetRows> {
  const workbook: Workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const extra = further === undefined ? undefined : workbook.getWorksheet(further);
  const sheet: Worksheet | undefined =
    workbook.getWorksheet(name) ?? workbook.worksheets.find((w) => w !== extra);
  return { rows: sheet ? rowsOf(sheet) : [], further: extra ? rowsOf(extra) : null };
}

export interface SheetSpec {
  name: string;
  headings: readonly string[];
  /** Columns (by index) written as numbers; the others are text cells. */
  numeric: ReadonlySet<number>;
  rows: readonly (readonly SheetCell[])[];
}

/** A workbook of the given sheets, as .xlsx bytes. */
export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '现场检查';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.headings.map((h, i) => ({
      header: h,
      width: Math.min(40, Math.max(10, h.length * 2 + 2)),
      style: spec.numeric.has(i) ? {} : { numFmt: '@' },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow([...row]);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
