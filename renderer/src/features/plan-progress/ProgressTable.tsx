import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressCounts } from '../../../../domain/rules/plan-progress';
import { completionText } from './progress-format';

export interface ProgressTableRow {
  key: string;
  label: string;
  counts: ProgressCounts;
}

interface Props {
  caption: string;
  /** The first column's heading: month, agency or officer. */
  rowHeading: string;
  rows: ProgressTableRow[];
  testId: string;
}

/** Done, due and overdue tasks of each row, with the share done. */
export function ProgressTable({ caption, rowHeading, rows, testId }: Props) {
  const { t } = useTranslation();
  const figure = (field: keyof ProgressCounts) => ({
    key: field,
    title: t(`planProgress.count.${field}`),
    align: 'right' as const,
    width: 90,
    render: (_: unknown, row: ProgressTableRow) => (
      <span data-testid={`${testId}-${row.key}-${field}`}>{row.counts[field]}</span>
    ),
  });
  const columns: TableColumnsType<ProgressTableRow> = [
    { key: 'label', title: rowHeading, render: (_, row) => row.label },
    figure('done'),
    figure('due'),
    figure('overdue'),
    figure('total'),
    {
      key: 'completion',
      title: t('planProgress.count.completion'),
      align: 'right',
      width: 150,
      render: (_, row) => completionText(row.counts),
    },
  ];
  return (
    <Table<ProgressTableRow>
      size="small"
      title={() => <Typography.Text strong>{caption}</Typography.Text>}
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
