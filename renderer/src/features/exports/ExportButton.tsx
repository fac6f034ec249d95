import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { loadExcelJsForExport } from './export-failure';
import { ExportPhaseProgress } from './ExportProgress';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { useProfile } from '../../session/session-context';
import { exportFileName } from './export-file-name';
import { exportSheet, resolveSource } from './export-sheet';
import type { ExportRequest, ExportSource } from './export-sheet';
import { saveWorkbook } from './save-workbook';
import { useExportRun } from './useExportRun';
import { buildWorkbook } from './workbook';

export type ExportButtonProps = (
  | { kind: 'hazards'; rows: ExportSource<Finding> }
  | { kind: 'inspections'; rows: ExportSource<Inspection> }
) & { disabled?: boolean };

async function request(props: ExportButtonProps): Promise<ExportRequest> {
  return props.kind === 'hazards'
    ? { kind: 'hazards', records: await resolveSource(props.rows) }
    : { kind: 'inspections', records: await resolveSource(props.rows) };
}

/**
 * Exports hazards or inspections as an Excel workbook in the bureau's Chinese terms and saves it
 * through the platform (a save dialog in the desktop app, a download in the browser). Shows
 * its progress while a large workbook is built and says plainly what went wrong.
 */
export function ExportButton(props: ExportButtonProps) {
  const { t } = useTranslation();
  const { db } = useProfile();
  const { message } = App.useApp();
  const { phase, setPhase, run, busy } = useExportRun();

  async function exportRows(): Promise<void> {
    const today = todayInChina(new Date());
    setPhase({ step: 'reading' });
    const wanted = await request(props);
    if (wanted.records.length === 0) {
      void message.info(t('exports.nothing'));
      return;
    }
    const sheet = await exportSheet(db, wanted, today);
    setPhase({ step: 'building', done: 0, total: sheet.rows.length });
    const ExcelJS = await loadExcelJsForExport();
    const workbook = await buildWorkbook(ExcelJS, sheet, {
      onProgress: (done, total) => setPhase({ step: 'building', done, total }),
    });
    setPhase({ step: 'saving' });
    const saved = await saveWorkbook(
      workbook,
      exportFileName(props.kind, today),
      sheet.rows.length,
      t,
    );
    if (saved) void message.success(saved);
  }

  return (
    <Flex gap={12} align="center" wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        disabled={props.disabled === true}
        onClick={() => void run(exportRows)}
      >
        {t('exports.button')}
      </Button>
      <ExportPhaseProgress phase={phase} label={t('exports.progress')} />
    </Flex>
  );
}
