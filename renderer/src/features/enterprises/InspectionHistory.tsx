import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { formatDateTime } from '../common/format-date';

export function InspectionHistory({ inspections }: { inspections: Inspection[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('enterpriseFile.history')} size="small">
      <Table<Inspection>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={inspections}
        locale={{ emptyText: t('enterpriseFile.noHistory') }}
        columns={[
          {
            title: t('inspections.startedAt'),
            key: 'startedAt',
            render: (_, i) => formatDateTime(i.startedAt, i18n.language),
          },
          {
            title: t('inspections.kind'),
            key: 'kind',
            render: (_, i) => t(`inspectionKind.${i.kind}`),
          },
          {
            title: t('inspections.status'),
            key: 'status',
            render: (_, i) => t(`inspectionStatus.${i.status}`),
          },
          {
            title: '',
            key: 'open',
            render: (_, i) => <Link to={`/inspections/${i.id}`}>{t('enterpriseFile.open')}</Link>,
          },
        ]}
      />
    </Card>
  );
}
