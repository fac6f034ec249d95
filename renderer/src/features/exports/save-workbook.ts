// Saves a built workbook through the platform (a save dialog in the desktop app, a download in
// the browser) and words what happened as every export does: how many rows, and where.
import type { TFunction } from 'i18next';
import type { Workbook } from 'exceljs';
import { workbookBytes } from './workbook';

/** The text to show once saved, or null when the user cancelled the dialog. */
export async function saveWorkbook(
  workbook: Workbook,
  defaultName: string,
  count: number,
  t: TFunction,
): Promise<string | null> {
  const result = await window.api.saveFile({
    defaultName,
    filters: [{ name: 'Excel', extensions: ['xlsx'] }],
    data: await workbookBytes(workbook),
  });
  if (!result.saved) return null;
  return result.path
    ? t('exports.savedTo', { count, path: result.path })
    : t('exports.saved', { count });
}
