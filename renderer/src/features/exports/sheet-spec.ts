// The shape of one exported sheet: typed columns with Chinese headings, and rows of plain
// values. Dates are `Date`s holding the district's wall-clock time in their UTC fields, so that
// Excel (which has no time zones) shows the day and time the bureau lived.

export type ColumnType = 'text' | 'integer' | 'date' | 'datetime' | 'link';

export interface ColumnSpec {
  header: string;
  type: ColumnType;
  /** In characters, as Excel measures column widths. */
  width: number;
}

/** A link to a file or folder beside the workbook (a relative path), shown as `text`. */
export interface LinkValue {
  text: string;
  /** Relative to the workbook, with forward slashes. */
  hyperlink: string;
}

export type CellValue = string | number | Date | LinkValue | null;

export const isLink = (value: CellValue): value is LinkValue =>
  typeof value === 'object' && value !== null && !(value instanceof Date);

export interface SheetData {
  /** The worksheet's name (at most 31 characters, as Excel requires). */
  name: string;
  columns: readonly ColumnSpec[];
  rows: readonly (readonly CellValue[])[];
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' as an Excel date (midnight, UTC fields); null for anything else. */
export function excelDate(date: string | null): Date | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** An ISO timestamp as an Excel date-time showing China Standard Time; null if absent. */
export function excelDateTime(timestamp: string | null): Date | null {
  if (!timestamp) return null;
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return null;
  // Whole minutes: Excel shows no seconds in the format used, and rounding avoids 09:29:59.999.
  return new Date(Math.round((ms + CHINA_OFFSET_MS) / 60_000) * 60_000);
}

/** The calendar day of an ISO timestamp in China, as an Excel date; null if absent. */
export function excelChinaDay(timestamp: string | null): Date | null {
  const at = excelDateTime(timestamp);
  if (!at) return null;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}
