import { Button, Space, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineBoardRow } from './board-index';
import { DaysRemaining } from './DaysRemaining';
import { ListedTag, StatusTag } from './StatusTag';

interface Props {
  rows: DeadlineBoardRow[];
  onOpen: (findingId: string) => void;
  pagination: TablePaginationConfig;
}

/** The board's rows in board order (overdue first); overdue ones carry a red tag and count. */
export function DeadlineTable({ rows, onOpen, pagination }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DeadlineBoardRow> = [
    {
      key: 'hazard',
      title: t('deadlines.finding'),
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{row.finding.title}</span>
          {row.listed ? <ListedTag /> : null}
        </Space>
      ),
    },
    {
      key: 'enterprise',
      title: t('deadlines.enterprise'),
      render: (_, row) => row.enterpriseName ?? '—',
    },
    {
      key: 'grade',
      title: t('deadlines.grade'),
      render: (_, row) => t(`grade.${row.finding.grade}`),
    },
    {
      key: 'status',
      title: t('deadlines.status'),
      render: (_, row) => <StatusTag status={row.status} />,
    },
    { key: 'deadline', title: t('deadlines.deadline'), render: (_, row) => row.finding.deadline },
    {
      key: 'days',
      title: t('deadlines.daysRemaining'),
      render: (_, row) => <DaysRemaining days={row.daysRemaining} status={row.status} />,
    },
    {
      key: 'actions',
      title: t('deadlines.actions'),
      render: (_, row) => (
        <Button
          size="small"
          aria-label={t('deadlines.detailsOf', { title: row.finding.title })}
          onClick={() => onOpen(row.finding.id)}
        >
          {t('deadlines.details')}
        </Button>
      ),
    },
  ];
  return (
    <Table<DeadlineBoardRow>
      rowKey={(row) => row.finding.id}
      columns={columns}
      dataSource={rows}
      pagination={{ ...pagination, showSizeChanger: false }}
      size="middle"
    />
  );
}
