import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reviewAgeDays, submittedAt, wasResubmitted } from '../../../../domain/rules/review';
import type { ReviewRow } from '../../db/repositories/inspections';
import { formatDateTime } from '../common/format-date';
import { ReviewActions } from './ReviewActions';
import { reviewLabel } from './review-label';

interface Props {
  rows: ReviewRow[];
  /** Today's date in the district (YYYY-MM-DD), for the age. */
  today: string;
  selected: readonly string[];
  onSelect(ids: string[]): void;
}

/**
 * Submitted inspections waiting for a decision: how long each has waited, what it is, who led it
 * and how many hazards it found; a checkbox for bulk approval, Details, Approve and Return.
 */
export function ReviewTable({ rows, today, selected, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<ReviewRow> = [
    {
      title: t('reviewQueue.age'),
      key: 'age',
      render: (_, r) => t('reviewQueue.ageDays', { count: reviewAgeDays(r.inspection, today) }),
    },
    {
      title: t('inspections.enterprise'),
      key: 'enterprise',
      render: (_, r) => (
        <>
          <Link
            to={`/review/${r.inspection.id}`}
            aria-label={t('reviewQueue.detailsOf', { label: reviewLabel(r, i18n.language) })}
          >
            {r.enterpriseName ?? '—'}
          </Link>
          {wasResubmitted(r.inspection.review) ? (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('reviewQueue.resubmitted')}
            </Tag>
          ) : null}
        </>
      ),
    },
    {
      title: t('inspections.kind'),
      key: 'kind',
      render: (_, r) => t(`inspectionKind.${r.inspection.kind}`),
    },
    {
      title: t('reviewQueue.submittedAt'),
      key: 'submittedAt',
      render: (_, r) => formatDateTime(submittedAt(r.inspection), i18n.language),
    },
    {
      title: t('reviewQueue.lead'),
      key: 'lead',
      render: (_, r) => r.leadInspectorName ?? '—',
    },
    {
      title: t('reviewQueue.findings'),
      key: 'findings',
      align: 'end',
      render: (_, r) => r.findingCount,
    },
    {
      title: t('reviewDecision.actions'),
      key: 'actions',
      render: (_, r) => (
        <ReviewActions inspectionId={r.inspection.id} label={reviewLabel(r, i18n.language)} />
      ),
    },
  ];
  return (
    <Table<ReviewRow>
      rowKey={(r) => r.inspection.id}
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      rowSelection={{
        selectedRowKeys: [...selected],
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (r) => ({
          'aria-label': t('reviewQueue.selectRow', { label: reviewLabel(r, i18n.language) }),
        }),
      }}
    />
  );
}
