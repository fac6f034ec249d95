import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetRow } from '../../../../domain/schemas/target-list-api';
import { exportFailureText, loadExcelJsForExport } from '../exports/export-failure';
import { buildWorkbook, workbookBytes } from '../exports/workbook';
import { TARGET_LIST_TITLE, targetListSheet } from './target-list-sheet';
import type { Directory } from './useLists';

interface Props {
  rows: readonly TargetRow[];
  asOf: string;
  names: Directory;
}

/** Saves the rows on screen (as filtered) as an Excel workbook through the platform. */
export function TargetExportButton({ rows, asOf, names }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const ExcelJS = await loadExcelJsForExport();
      const workbook = await buildWorkbook(ExcelJS, targetListSheet(rows, names));
      const result = await window.api.saveFile({
        defaultName: `${TARGET_LIST_TITLE}-${asOf}.xlsx`,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data: await workbookBytes(workbook),
      });
      if (result.saved) {
        const count = rows.length;
        void message.success(
          result.path
            ? t('exports.savedTo', { count, path: result.path })
            : t('exports.saved', { count }),
        );
      }
    } catch (error) {
      void message.error(exportFailureText(error, t));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={rows.length === 0}
      onClick={() => void run()}
    >
      {t('lists.target.export')}
    </Button>
  );
}
