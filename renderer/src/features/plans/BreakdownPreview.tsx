// The monthly breakdown of the plan being edited (rules/plan-breakdown.ts) on the target list as
// this device can make it: how many key and drawn inspections each month asks for.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthPlan } from '../../../../domain/rules/plan-breakdown';
import { monthlyBreakdown } from '../../../../domain/rules/plan-breakdown';
import type { TargetEntry } from '../../../../domain/schemas/risk';
import type { PlanFormValues } from './plan-form';
import { contentOf } from './plan-form';

interface Props {
  year: number;
  values: PlanFormValues;
  targets: readonly TargetEntry[] | undefined;
}

/** The breakdown, or null while the values cannot make one (a cell left empty). */
export function breakdownOf(
  year: number,
  values: PlanFormValues,
  targets: readonly TargetEntry[],
): MonthPlan[] | null {
  const content = contentOf(values);
  const numbers = [
    ...Object.values(content.keyInspectionsPerYear),
    ...content.shares.flatMap((s) => Object.values(s.shares)),
  ];
  if (numbers.some((n) => !Number.isInteger(n) || n < 0)) return null;
  return monthlyBreakdown({ year, ...content }, targets);
}

export function BreakdownPreview({ year, values, targets }: Props) {
  const { t } = useTranslation();
  const months = targets ? breakdownOf(year, values, targets) : null;
  return (
    <section aria-label={t('plans.breakdown.title')}>
      <Typography.Title level={5}>{t('plans.breakdown.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('plans.breakdown.basis', { count: targets?.length ?? 0 })}
      </Typography.Paragraph>
      {months ? (
        <Table<MonthPlan>
          rowKey="month"
          size="small"
          pagination={false}
          dataSource={months}
          columns={[
            { key: 'month', title: t('plans.breakdown.month'), dataIndex: 'month' },
            {
              key: 'key',
              title: t('plans.breakdown.key'),
              render: (_: unknown, m: MonthPlan) => m.key.total,
            },
            {
              key: 'drawn',
              title: t('plans.breakdown.drawn'),
              render: (_: unknown, m: MonthPlan) => m.drawn.total,
            },
            { key: 'total', title: t('plans.breakdown.total'), dataIndex: 'total' },
          ]}
          summary={(rows) => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('plans.breakdown.year')}</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>
                {rows.reduce((s, m) => s + m.key.total, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2}>
                {rows.reduce((s, m) => s + m.drawn.total, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                {rows.reduce((s, m) => s + m.total, 0)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('plans.breakdown.incomplete')}</Typography.Text>
      )}
    </section>
  );
}
