// A button that saves one sheet already built on the device (a list shown on screen) as an Excel
// workbook through the platform, with the exports' progress, their count of rows saved and where,
// and their wording of a failure.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadExcelJsForExport } from './export-failure';
import { ExportPhaseProgress } from './ExportProgress';
import type { SheetData } from './sheet-spec';
import { saveWorkbook } from './save-workbook';
import { useExportRun } from './useExportRun';
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
  const { phase, setPhase, run, busy } = useExportRun();

  async function exportSheet(): Promise<void> {
    const data = sheet();
    setPhase({ step: 'building', done: 0, total: data.rows.length });
    const workbook = await buildWorkbook(await loadExcelJsForExport(), data, {
      onProgress: (done, total) => setPhase({ step: 'building', done, total }),
    });
    setPhase({ step: 'saving' });
    const saved = await saveWorkbook(workbook, fileName, data.rows.length, t);
    if (saved) void message.success(saved);
  }

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        disabled={disabled}
        onClick={() => void run(exportSheet)}
      >
        {label}
      </Button>
      <ExportPhaseProgress phase={phase} label={t('exports.progress')} />
    </>
  );
}
