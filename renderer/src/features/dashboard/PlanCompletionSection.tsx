import { Card, Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressCounts } from '../../../../domain/rules/plan-progress';
import { completionText } from '../plan-progress/progress-format';
import { usePlanProgress } from '../plan-progress/usePlanProgress';

interface Row {
  month: string;
  all: ProgressCounts;
  byAgency: Map<string, ProgressCounts>;
}

/**
 * The plan's completion by month and agency this year (the tasks done of those due in each
 * month), counted by the same rule as the plan progress screen.
 */
export function PlanCompletionSection({ today }: { today: string }) {
  const { t } = useTranslation();
  const view = usePlanProgress(today, Number(today.slice(0, 4)));
  if (view === undefined) return null;
  const { progress, agencyNames } = view;
  const rows: Row[] = progress.months.map(({ month, counts }) => ({
    month,
    all: counts,
    byAgency: new Map(
      progress.agencies.flatMap((a) => {
        const found = a.months.find((m) => m.month === month);
        return found ? [[a.key, found.counts] as const] : [];
      }),
    ),
  }));
  const columns: TableColumnsType<Row> = [
    { title: t('dashboard.month'), dataIndex: 'month', key: 'month' },
    ...progress.agencies.map((a) => ({
      key: a.key,
      title: agencyNames.get(a.key) ?? a.key,
      align: 'right' as const,
      render: (_: unknown, row: Row) => (
        <span data-testid={`plan-completion-${row.month}-${a.key}`}>
          {completionText(row.byAgency.get(a.key))}
        </span>
      ),
    })),
    {
      key: 'all',
      title: t('dashboard.total'),
      align: 'right',
      render: (_, row) => (
        <span data-testid={`plan-completion-${row.month}-all`}>{completionText(row.all)}</span>
      ),
    },
  ];
  const title = t('dashboard.planCompletionTitle', { year: view.year });
  return (
    <Card title={title} size="small">
      {rows.length === 0 ? (
        <Empty description={t('dashboard.planCompletionEmpty')} />
      ) : (
        <Table<Row>
          aria-label={title}
          size="small"
          rowKey="month"
          pagination={false}
          dataSource={rows}
          scroll={{ x: true }}
          columns={columns}
        />
      )}
    </Card>
  );
}
