import { FileZipOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { exportFailureText, loadExcelJsForExport } from './export-failure';
import { ExportProgress } from './ExportProgress';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { WORKBOOK_TITLE } from './export-vocabulary';
import { resolveSource } from './export-sheet';
import type { ExportSource } from './export-sheet';
import { findingArchive } from './finding-archive';

interface Props {
  /** The hazards to export, in the order of the screen's filter. */
  rows: ExportSource<Finding>;
  disabled?: boolean;
}

type Phase =
  | { step: 'idle' }
  | { step: 'reading' }
  | { step: 'photos' | 'building'; done: number; total: number }
  | { step: 'saving' };

/**
 * Exports the hazards as a zip: the workbook and each hazard's photos in a folder named after it,
 * linked from the workbook. Saved through the platform like the Excel export, with its progress
 * (photos read, rows written) while a large export is made.
 */
export function ArchiveExportButton({ rows, disabled = false }: Props) {
  const { t } = useTranslation();
  const { db } = useProfile();
  const { message } = App.useApp();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  async function run(): Promise<void> {
    const today = todayInChina(new Date());
    try {
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
      if (result.saved) {
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
    } catch (error) {
      void message.error(exportFailureText(error, t));
    } finally {
      setPhase({ step: 'idle' });
    }
  }

  const busy = phase.step !== 'idle';
  const counted = phase.step === 'photos' || phase.step === 'building' ? phase : null;
  const percent =
    counted && counted.total > 0 ? Math.floor((counted.done / counted.total) * 100) : 0;
  return (
    <Flex gap={12} align="center" wrap>
      <Button
        icon={<FileZipOutlined />}
        loading={busy}
        disabled={disabled}
        onClick={() => void run()}
      >
        {t('exports.archiveButton')}
      </Button>
      {busy ? (
        <ExportProgress
          label={t('exports.archiveProgress')}
          percent={counted ? percent : null}
          step={
            phase.step === 'reading'
              ? t('exports.reading')
              : phase.step === 'photos'
                ? t('exports.photos', { done: phase.done, total: phase.total })
                : phase.step === 'building'
                  ? t('exports.building', { done: phase.done, total: phase.total })
                  : t('exports.saving')
          }
        />
      ) : null}
    </Flex>
  );
}
