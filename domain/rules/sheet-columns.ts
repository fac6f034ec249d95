// Reading a sheet's heading row and rows, shared by the import's sheets (企业名录, 装置单元): where
// each known column stands, which headings are unknown or repeated, which rows are blank, what a
// cell says as text or a number, and how a problem of the file names its place.

/** A cell as the file readers hand it over: text, a number, or empty. */
export type SheetCell = string | number | null;

/** Headings compared without spaces, bracketed notes, or the difference of full- and half-width. */
export function normalizeHeading(heading: string): string {
  return heading
    .replace(/[（(][^（）()]*[）)]/gu, '')
    .replace(/\s+/gu, '')
    .replace(/／/gu, '/')
    .trim();
}

/** Why a cell (or the row, column null) cannot be imported; `code` is a stable message key. */
export interface SheetProblem {
  /** The worksheet, where it is not the 企业名录 sheet (the 装置单元 sheet's rows). */
  sheet?: string;
  /** The row of that worksheet, where it is not the enterprise's own row. */
  row?: number;
  column: string | null;
  code: string;
  /** What the file holds, or what was expected, for the message. */
  params?: Record<string, string | number>;
}

export const textOf = (cell: SheetCell | undefined): string =>
  cell === null || cell === undefined ? '' : String(cell).trim();

const NUMBER_TEXT = /^[+-]?\d+(\.\d+)?$/u;

/** The number a cell holds (a numeric cell, or text of one, thousands separators allowed). */
export function numberOf(cell: SheetCell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = textOf(cell).replace(/[,，]/gu, '');
  return NUMBER_TEXT.test(text) ? Number(text) : null;
}

/** A column a sheet may hold: found by its heading or an alias, refused when required and absent. */
export interface SheetColumnSpec<K extends string> {
  key: K;
  heading: string;
  aliases: readonly string[];
  required: boolean;
}

/**
 * Where each known column stands in a sheet's heading row; a repeated or missing required column
 * is a problem of the file, an unknown heading is ignored (and said). `sheet` names a sheet other
 * than the first in the problems and the ignored headings.
 */
export function mapSheetColumns<K extends string>(
  headings: readonly SheetCell[],
  columns: readonly SheetColumnSpec<K>[],
  sheet?: string,
) {
  const index = new Map<K, number>();
  const fileProblems: SheetProblem[] = [];
  const ignoredColumns: string[] = [];
  const onSheet = sheet === undefined ? {} : { sheet };
  headings.forEach((cell, i) => {
    const heading = cell === null ? '' : String(cell).trim();
    if (heading === '') return;
    const normalized = normalizeHeading(heading);
    const column = columns.find(
      (c) =>
        normalizeHeading(c.heading) === normalized ||
        c.aliases.some((a) => normalizeHeading(a) === normalized),
    );
    if (!column) ignoredColumns.push(sheet === undefined ? heading : `${sheet}：${heading}`);
    else if (index.has(column.key)) {
      fileProblems.push({ ...onSheet, column: heading, code: 'column.repeated' });
    } else index.set(column.key, i);
  });
  for (const c of columns) {
    if (c.required && !index.has(c.key)) {
      fileProblems.push({ ...onSheet, column: c.heading, code: 'column.missing' });
    }
  }
  return { index, fileProblems, ignoredColumns };
}

/** Whether a row holds nothing: skipped, as a spreadsheet's trailing rows are. */
export const isBlankRow = (cells: readonly SheetCell[]) =>
  cells.every((c) => c === null || String(c).trim() === '');
