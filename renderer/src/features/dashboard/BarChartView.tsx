// The one chart the dashboard draws, with recharts. Loaded lazily (see ChartFrame) so that the
// chart library is fetched only when the dashboard is opened and never delays the tables.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Text,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { XAxisTickContentProps } from 'recharts';

export interface BarSeries {
  key: string;
  label: string;
  /** Bars with the same stack id are stacked. */
  stack?: string;
}

export interface BarChartViewProps {
  data: Record<string, string | number>[];
  xKey: string;
  series: BarSeries[];
  /** Values are shares from 0 to 100, drawn against a 0–100 % axis. */
  percent?: boolean;
  height?: number;
  /**
   * Names every category under its bar, wrapped to the bar's width (long names such as a
   * development zone's would otherwise cover their neighbours or be skipped).
   */
  wrapLabels?: boolean;
}

const LABEL_LINES = 3;

/** A category's name wrapped within its band, cut with an ellipsis after three lines. */
function WrappedTick({ x, y, payload, width, visibleTicksCount, fill }: XAxisTickContentProps) {
  const name = String(payload.value);
  const band = Number(width) / Math.max(1, visibleTicksCount);
  return (
    <g>
      {/* The whole name as the label's tooltip, when the ellipsis cuts it. */}
      <title>{name}</title>
      <Text
        x={x}
        y={y}
        width={Math.max(24, band - 8)}
        maxLines={LABEL_LINES}
        // Chinese names have no spaces to break at.
        breakAll={!name.includes(' ')}
        textAnchor="middle"
        verticalAnchor="start"
        fill={fill}
        className="recharts-cartesian-axis-tick-value"
      >
        {name}
      </Text>
    </g>
  );
}

const palette = [
  '#1677ff',
  '#fa541c',
  '#52c41a',
  '#faad14',
  '#722ed1',
  '#13c2c2',
  '#eb2f96',
  '#a0d911',
  '#2f54eb',
  '#fa8c16',
  '#8c8c8c',
];

export function BarChartView({
  data,
  xKey,
  series,
  percent = false,
  height = 260,
  wrapLabels = false,
}: BarChartViewProps) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {wrapLabels ? (
          <XAxis dataKey={xKey} interval={0} height={56} tick={WrappedTick} />
        ) : (
          <XAxis dataKey={xKey} />
        )}
        <YAxis
          allowDecimals={false}
          domain={percent ? [0, 100] : [0, 'auto']}
          unit={percent ? '%' : undefined}
        />
        <Tooltip />
        <Legend />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={s.stack}
            fill={palette[i % palette.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
