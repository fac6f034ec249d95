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
import { saveWorkbook } from './save-workbook';
import { buildWorkbook } from './workbook';

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
      const saved = await saveWorkbook(workbook, fileName, data.rows.length, t);
      if (saved) void message.success(saved);
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
