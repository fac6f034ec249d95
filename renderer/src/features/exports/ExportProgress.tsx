// The progress of an export under way: a named bar once there is a count to measure, and the step
// it is at in words (read by screen readers as a status).
import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportPhase } from './useExportRun';

interface Props {
  /** The bar's accessible name. */
  label: string;
  /** Percent done, or null while nothing is counted yet (no bar). */
  percent: number | null;
  step: string;
}

export function ExportProgress({ label, percent, step }: Props) {
  return (
    <>
      {percent !== null ? (
        <div
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          style={{ width: 160 }}
        >
          <Progress percent={percent} size="small" showInfo={false} />
        </div>
      ) : null}
      <Typography.Text type="secondary" role="status">
        {step}
      </Typography.Text>
    </>
  );
}

/** The progress of an export button's run, from the step it is at (nothing when idle). */
export function ExportPhaseProgress({ phase, label }: { phase: ExportPhase; label: string }) {
  const { t } = useTranslation();
  if (phase.step === 'idle') return null;
  const counted = phase.step === 'photos' || phase.step === 'building' ? phase : null;
  const percent =
    counted === null
      ? null
      : counted.total > 0
        ? Math.floor((counted.done / counted.total) * 100)
        : 0;
  const step =
    phase.step === 'reading'
      ? t('exports.reading')
      : phase.step === 'photos'
        ? t('exports.photos', { done: phase.done, total: phase.total })
        : phase.step === 'building'
          ? t('exports.building', { done: phase.done, total: phase.total })
          : t('exports.saving');
  return <ExportProgress label={label} percent={percent} step={step} />;
}
