import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionRow } from '../../db/repositories/inspections';
import { formatDateTime } from '../common/format-date';
import { sharedInspectionColumns } from './inspection-columns';

const reviewColors = { pending: 'processing', approved: 'success', returned: 'warning' };

export function InspectionTable({ rows }: { rows: InspectionRow[] }) {
  const { t, i18n } = useTranslation();
  const shared = sharedInspectionColumns(t, i18n.language);
  const columns: TableColumnsType<InspectionRow> = [
    shared.enterprise,
    shared.kind,
    {
      title: t('inspections.status'),
      key: 'status',
      render: (_, r) => t(`inspectionStatus.${r.inspection.status}`),
    },
    {
      title: t('inspections.review'),
      key: 'review',
      render: (_, r) =>
        r.inspection.status === 'submitted' ? (
          <>
            <Tag color={reviewColors[r.inspection.review.status]}>
              {t(`reviewStatus.${r.inspection.review.status}`)}
            </Tag>
            {/* What a returned inspection must put right, in the supervisor's words. */}
            {r.inspection.review.comment ? (
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {r.inspection.review.comment}
              </Typography.Paragraph>
            ) : null}
          </>
        ) : (
          '—'
        ),
    },
    shared.startedAt,
    {
      title: t('inspections.finishedAt'),
      key: 'finishedAt',
      render: (_, r) => formatDateTime(r.inspection.finishedAt, i18n.language),
    },
    {
      title: '',
      key: 'open',
      render: (_, r) => (
        <Link
          to={`/inspections/${r.inspection.id}`}
          aria-label={t('returned.openLabel', {
            label:
              `${r.enterpriseName ?? ''} ${formatDateTime(r.inspection.startedAt, i18n.language)}`.trim(),
          })}
        >
          {t('returned.open')}
        </Link>
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
