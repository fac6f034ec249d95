import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionMonth } from '../../../../domain/rules/statistics';
import { inspectionKinds } from '../../../../domain/schemas/inspection';
import { formatCount } from '../common/format-figure';
import { ChartFrame } from './ChartFrame';
import { figureColumn } from './figure-cell';

/** Submitted inspections per month by kind: a chart and the table of its figures. */
export function InspectionSection({ rows }: { rows: InspectionMonth[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('dashboard.inspectionsTitle')} size="small">
      <ChartFrame
        label={t('dashboard.inspectionsTitle')}
        data={rows.map((r) => ({ month: r.month, ...r.byKind }))}
        xKey="month"
        series={inspectionKinds.map((k) => ({
          key: k,
          label: t(`inspectionKind.${k}`),
          stack: 'kind',
        }))}
      />
      <Table<InspectionMonth>
        aria-label={t('dashboard.inspectionsTitle')}
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('dashboard.month'), dataIndex: 'month', key: 'month' },
          figureColumn<InspectionMonth>(
            'total',
            t('dashboard.total'),
            (r) => formatCount(r.total),
            (r) => `inspections-${r.month}-total`,
          ),
          ...inspectionKinds.map((k) =>
            figureColumn<InspectionMonth>(
              k,
              t(`inspectionKind.${k}`),
              (r) => formatCount(r.byKind[k]),
              (r) => `inspections-${r.month}-${k}`,
            ),
          ),
        ]}
      />
    </Card>
  );
}
