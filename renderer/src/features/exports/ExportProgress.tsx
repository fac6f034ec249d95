// The progress of an export under way: a named bar once there is a count to measure, and the step
// it is at in words (read by screen readers as a status).
import { Progress, Typography } from 'antd';

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
