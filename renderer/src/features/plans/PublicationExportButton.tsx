// Saves a draw's published results as an Excel workbook, with the exports' progress and wording
// of failures.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../../domain/schemas/publication';
import { ExportProgress } from '../exports/ExportProgress';
import { exportFailureText, loadExcelJsForExport } from '../exports/export-failure';
import { buildWorkbook, workbookBytes } from '../exports/workbook';
import { publicationFileName, publicationSheet } from './publication-sheet';

export function PublicationExportButton({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const sheet = publicationSheet(publication);
      const workbook = await buildWorkbook(await loadExcelJsForExport(), sheet);
      const result = await window.api.saveFile({
        defaultName: publicationFileName(publication, 'xlsx'),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data: await workbookBytes(workbook),
      });
      if (result.saved) {
        const count = sheet.rows.length;
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
    <>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
        {t('exports.button')}
      </Button>
      {busy ? (
        <ExportProgress
          label={t('exports.progress')}
          percent={null}
          step={t('exports.building', { done: 0, total: publication.rows.length })}
        />
      ) : null}
    </>
  );
}
