// What an export says when it fails: the spreadsheet component did not load, the file is larger
// than the platform saves, or another error in its own words.
import type { TFunction } from 'i18next';
import { ZodError } from 'zod';
import { loadExcelJs } from './workbook';
import type { ExcelJs } from './workbook';

class LoadError extends Error {}

/** The spreadsheet component, loaded on demand; a failure to load is told apart. */
export const loadExcelJsForExport = (): Promise<ExcelJs> =>
  loadExcelJs().catch((cause: unknown) => {
    throw new LoadError('exceljs did not load', { cause });
  });

export function exportFailureText(error: unknown, t: TFunction): string {
  if (error instanceof LoadError) return t('exports.loadFailed');
  if (error instanceof ZodError && error.issues.some((i) => i.message === 'file.tooLarge')) {
    return t('exports.tooLarge');
  }
  return t('exports.failed', { message: error instanceof Error ? error.message : String(error) });
}
