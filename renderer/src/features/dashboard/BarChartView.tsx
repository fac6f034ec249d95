// The one chart the dashboard draws, with recharts. Loaded lazily (see ChartFrame) so that the
// chart library is fetched only when the dashboard is opened and never delays the tables.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

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
}: BarChartViewProps) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={xKey} />
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
