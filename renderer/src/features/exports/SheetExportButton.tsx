// A button that saves one sheet already built on the device (a list shown on screen) as an Excel
// workbook through the platform, with the exports' progress, their count of rows saved and where,
// and their wording of a failure.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFailureText, loadExcelJsForExport } from './export-failure';
import { ExportProgress } from './ExportProgress';
import type { SheetData } from './sheet-spec';
import { buildWorkbook, workbookBytes } from './workbook';

interface Props {
  /** Builds the sheet when the button is pressed, from what the screen shows then. */
  sheet: () => SheetData;
  fileName: string;
  label: string;
  disabled?: boolean;
}

export function SheetExportButton({ sheet, fileName, label, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [total, setTotal] = useState<number | null>(null);

  async function run() {
    try {
      const data = sheet();
      setTotal(data.rows.length);
      const workbook = await buildWorkbook(await loadExcelJsForExport(), data);
      const result = await window.api.saveFile({
        defaultName: fileName,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data: await workbookBytes(workbook),
      });
      if (result.saved) {
        const count = data.rows.length;
        void message.success(
          result.path
            ? t('exports.savedTo', { count, path: result.path })
            : t('exports.saved', { count }),
        );
      }
    } catch (error) {
      void message.error(exportFailureText(error, t));
    } finally {
      setTotal(null);
    }
  }

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={total !== null}
        disabled={disabled}
        onClick={() => void run()}
      >
        {label}
      </Button>
      {total !== null ? (
        <ExportProgress
          label={t('exports.progress')}
          percent={null}
          step={t('exports.building', { done: 0, total })}
        />
      ) : null}
    </>
  );
}
