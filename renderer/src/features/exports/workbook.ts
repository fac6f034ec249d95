// Builds an Excel workbook from a sheet's rows with exceljs: a bold, frozen heading row, typed
// cells (dates as real dates with a date format, counts as numbers) and an auto-filter. exceljs is
// large, so callers load it on demand (loadExcelJs) and pass it in; the builder itself is pure.
import type * as ExcelJsModule from 'exceljs';
import type { Workbook } from 'exceljs';
import { DATE_FORMAT, DATETIME_FORMAT } from './sheet-spec';
import { isLink } from './sheet-spec';
import type { CellValue, ColumnSpec, SheetData } from './sheet-spec';

export type ExcelJs = typeof ExcelJsModule;

/** Loads exceljs in its own chunk, kept out of the app's first load. */
export async function loadExcelJs(): Promise<ExcelJs> {
  const loaded: ExcelJs & { default?: ExcelJs } = await import('exceljs');
  // The library is CommonJS: bundlers expose it as the default export, Node as the namespace.
  return loaded.default ?? loaded;
}

export interface BuildOptions {
  /** Called after each chunk of rows with how many are in the sheet so far. */
  onProgress?: (done: number, total: number) => void;
  /** Rows added between two yields to the event loop, so the screen can repaint. */
  chunkSize?: number;
  /** Waits between chunks; the default lets the browser paint the progress. */
  yieldToUi?: () => Promise<void>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function numberFormat(column: ColumnSpec): string | undefined {
  if (column.type === 'date') return DATE_FORMAT;
  if (column.type === 'datetime') return DATETIME_FORMAT;
  if (column.type === 'integer') return '0';
  return undefined;
}

function cellValue(column: ColumnSpec, value: CellValue): CellValue {
  if (value === null) return null;
  if (column.type === 'date' || column.type === 'datetime') {
    return value instanceof Date ? value : null;
  }
  if (column.type === 'integer') return typeof value === 'number' ? value : null;
  if (column.type === 'link') return isLink(value) ? value : String(value);
  if (isLink(value)) return value.text;
  // Text columns stay text, even a credit code made only of digits.
  return value instanceof Date ? value.toISOString() : String(value);
}

/** What a link cell holds in exceljs: its text and target, drawn as a link is. */
function linkStyle(worksheet: ExcelJsModule.Worksheet, columns: readonly ColumnSpec[]): void {
  columns.forEach((c, i) => {
    if (c.type !== 'link') return;
    worksheet.getColumn(i + 1).eachCell((cell, row) => {
      if (
        row > 1 &&
        typeof cell.value === 'object' &&
        cell.value !== null &&
        'hyperlink' in cell.value
      ) {
        cell.font = { color: { argb: 'FF0563C1' }, underline: true };
      }
    });
  });
}

/** A workbook with one worksheet holding `sheet`. */
export async function buildWorkbook(
  ExcelJS: ExcelJs,
  sheet: SheetData,
  { onProgress, chunkSize = 2000, yieldToUi = defaultYield }: BuildOptions = {},
): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '现场检查';
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((c, i) => {
    const numFmt = numberFormat(c);
    return {
      key: String(i),
      header: c.header,
      width: c.width,
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  worksheet.getRow(1).font = { bold: true };
  const total = sheet.rows.length;
  for (let start = 0; start < total; start += chunkSize) {
    for (const row of sheet.rows.slice(start, start + chunkSize)) {
      worksheet.addRow(sheet.columns.map((c, i) => cellValue(c, row[i] ?? null)));
    }
    onProgress?.(Math.min(total, start + chunkSize), total);
    if (start + chunkSize < total) await yieldToUi();
  }
  linkStyle(worksheet, sheet.columns);
  worksheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: sheet.columns.length },
  };
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
