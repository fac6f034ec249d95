import { FileZipOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { loadExcelJsForExport } from './export-failure';
import { ExportPhaseProgress } from './ExportProgress';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { WORKBOOK_TITLE } from './export-vocabulary';
import { resolveSource } from './export-sheet';
import type { ExportSource } from './export-sheet';
import { findingArchive } from './finding-archive';
import { useExportRun } from './useExportRun';

interface Props {
  /** The hazards to export, in the order of the screen's filter. */
  rows: ExportSource<Finding>;
  disabled?: boolean;
}

/**
 * Exports the hazards as a zip: the workbook and each hazard's photos in a folder named after it,
 * linked from the workbook. Saved through the platform like the Excel export, with its progress
 * (photos read, rows written) while a large export is made.
 */
export function ArchiveExportButton({ rows, disabled = false }: Props) {
  const { t } = useTranslation();
  const { db } = useProfile();
  const { message } = App.useApp();
  const { phase, setPhase, run, busy } = useExportRun();

  async function exportArchive(): Promise<void> {
    const today = todayInChina(new Date());
    setPhase({ step: 'reading' });
    const findings = await resolveSource(rows);
    if (findings.length === 0) {
      void message.info(t('exports.nothing'));
      return;
    }
    const ExcelJS = await loadExcelJsForExport();
    const archive = await findingArchive(db, findings, today, ExcelJS, {
      onPhotos: (done, total) => setPhase({ step: 'photos', done, total }),
      onRows: (done, total) => setPhase({ step: 'building', done, total }),
    });
    setPhase({ step: 'saving' });
    const result = await window.api.saveFile({
      defaultName: `${WORKBOOK_TITLE.hazards}-${today}.zip`,
      filters: [{ name: 'Zip', extensions: ['zip'] }],
      data: archive.bytes,
    });
    if (!result.saved) return;
    const counts = { count: findings.length, photos: archive.photos };
    void message.success(
      result.path
        ? t('exports.archiveSavedTo', { ...counts, path: result.path })
        : t('exports.archiveSaved', counts),
    );
    if (archive.missing > 0) {
      void message.warning(t('exports.archiveMissing', { missing: archive.missing }));
    }
  }

  return (
    <Flex gap={12} align="center" wrap>
      <Button
        icon={<FileZipOutlined />}
        loading={busy}
        disabled={disabled}
        onClick={() => void run(exportArchive)}
      >
        {t('exports.archiveButton')}
      </Button>
      <ExportPhaseProgress phase={phase} label={t('exports.archiveProgress')} />
    </Flex>
  );
}
