import { Statistic } from 'antd';

interface Props {
  label: string;
  value: string;
  testId: string;
}

/** One labelled number, readable by screen readers and tests without the chart beside it. */
export function Figure({ label, value, testId }: Props) {
  return (
    <Statistic
      title={label}
      value={value}
      valueRender={() => (
        <span data-testid={testId} aria-label={`${label}: ${value}`}>
          {value}
        </span>
      )}
    />
  );
}
