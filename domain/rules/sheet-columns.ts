// Reading a sheet's heading row and rows, shared by the import's sheets (企业名录, 装置单元): where
// each known column stands, which headings are unknown or repeated, and which rows are blank.
import type { SheetCell, SheetProblem } from './enterprise-sheet';
import { normalizeHeading } from './enterprise-sheet';

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
