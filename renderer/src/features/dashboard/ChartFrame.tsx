import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { BarChartViewProps } from './BarChartView';

const LazyBarChart = lazy(() =>
  import('./BarChartView').then((m) => ({ default: m.BarChartView })),
);

interface Props extends BarChartViewProps {
  /** What the chart shows; the table beside it gives the same figures in words. */
  label: string;
}

/** A chart in a labelled figure, drawn once the chart library has loaded. */
export function ChartFrame({ label, ...chart }: Props) {
  return (
    <figure aria-label={label} style={{ margin: 0 }}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 120 }} />}>
        <LazyBarChart {...chart} />
      </Suspense>
    </figure>
  );
}
