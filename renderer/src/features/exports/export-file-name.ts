// The file name of an export: what it holds and the day it was made, e.g. 隐患清单-2026-11-29.xlsx.
import { WORKBOOK_TITLE } from './export-vocabulary';

export type ExportKind = keyof typeof WORKBOOK_TITLE;

export function exportFileName(kind: ExportKind, today: string): string {
  return `${WORKBOOK_TITLE[kind]}-${today}.xlsx`;
}
