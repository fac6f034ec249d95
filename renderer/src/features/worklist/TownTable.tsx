import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TrackBreakdown } from '../../../../domain/rules/statistics';
import { useTownName } from '../../session/useTowns';
import { formatTotalsField, totalsFields } from './TotalsFigures';

type TownRow = TrackBreakdown & { town: string };

/** The milestone totals of each town. */
export function TownTable({ rows }: { rows: TownRow[] }) {
  const { t } = useTranslation();
  const townName = useTownName();
  return (
    <Card title={t('worklist.byTown')} size="small">
      <Table<TownRow>
        aria-label={t('worklist.byTown')}
        size="small"
        rowKey="town"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          {
            title: t('worklist.town'),
            key: 'town',
            render: (_, r) => townName(r.town),
          },
          ...totalsFields.map((field) => ({
            title: t(`worklist.${field}`),
            key: field,
            align: 'right' as const,
            render: (_: unknown, r: TownRow) => (
              <span data-testid={`worklist-town-${r.town}-${field}`}>
                {formatTotalsField(r.total, field)}
              </span>
            ),
          })),
        ]}
      />
    </Card>
  );
}
