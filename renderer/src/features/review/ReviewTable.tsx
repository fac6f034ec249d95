import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InspectionRow } from '../../db/repositories/inspections';
import { formatDateTime } from '../common/format-date';
import { sharedInspectionColumns } from '../inspections/inspection-columns';
import { ReviewActions } from './ReviewActions';

/** Submitted inspections waiting for a decision, each with its Approve and Return buttons. */
export function ReviewTable({ rows }: { rows: InspectionRow[] }) {
  const { t, i18n } = useTranslation();
  const shared = sharedInspectionColumns(t, i18n.language);
  const columns: TableColumnsType<InspectionRow> = [
    shared.enterprise,
    shared.kind,
    shared.startedAt,
    {
      title: t('reviewDecision.actions'),
      key: 'actions',
      render: (_, r) => (
        <ReviewActions
          inspectionId={r.inspection.id}
          label={`${r.enterpriseName ?? ''} ${formatDateTime(r.inspection.startedAt, i18n.language)}`.trim()}
        />
      ),
    },
  ];
  return (
    <Table<InspectionRow>
      rowKey={(r) => r.inspection.id}
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
    />
  );
}
