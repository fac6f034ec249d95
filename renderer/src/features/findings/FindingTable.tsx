import { Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FindingRow } from '../../db/repositories/findings';
import { isOverdue } from '../../../../domain/rules/deadlines';
import { todayInChina } from '../../../../domain/rules/calendar-date';

const statusColors = { open: 'orange', rectified: 'blue', closed: 'green' };

interface Props {
  rows: FindingRow[];
  /**
   * For a list that reads one page at a time: `rows` is that page and `total` counts all matches.
   * Without it the table pages through `rows` itself.
   */
  pagination?: {
    current: number;
    pageSize: number;
    total: number;
    onChange: (page: number) => void;
  };
}

export function FindingTable({ rows, pagination }: Props) {
  const { t } = useTranslation();
  // Deadlines are dates of the district's calendar, whatever the device's time zone.
  const today = todayInChina(new Date());
  const columns: TableColumnsType<FindingRow> = [
    { title: t('findings.name'), key: 'title', render: (_, r) => r.finding.title },
    {
      title: t('findings.enterprise'),
      key: 'enterprise',
      render: (_, r) => r.enterpriseName ?? '—',
    },
    {
      title: t('findings.grade'),
      key: 'grade',
      render: (_, r) => (
        <Tag color={r.finding.grade === 'major' ? 'red' : 'default'}>
          {t(`grade.${r.finding.grade}`)}
        </Tag>
      ),
    },
    {
      title: t('findings.status'),
      key: 'status',
      render: (_, r) => (
        <Space size={4}>
          <Tag color={statusColors[r.finding.status]}>{t(`findingStatus.${r.finding.status}`)}</Tag>
          {isOverdue(r.finding, today) ? <Tag color="red">{t('findingStatus.overdue')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('findings.deadline'), key: 'deadline', render: (_, r) => r.finding.deadline },
  ];
  return (
    <Table<FindingRow>
      rowKey={(r) => r.finding.id}
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={{
        pageSize: 50,
        hideOnSinglePage: true,
        showSizeChanger: false,
        ...pagination,
      }}
    />
  );
}
