import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysRemaining } from '../../../../domain/rules/deadlines';
import type { Finding } from '../../../../domain/schemas/finding';

interface Props {
  findings: Finding[];
  today: string;
}

/** Hazards not yet closed, with the days left to their deadline (negative and red once overdue). */
export function OpenFindings({ findings, today }: Props) {
  const { t } = useTranslation();
  const open = findings.filter((f) => f.status !== 'closed');
  return (
    <Card title={t('enterpriseFile.openFindings')} size="small">
      <Table<Finding>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={open}
        locale={{ emptyText: t('enterpriseFile.noOpenFindings') }}
        columns={[
          { title: t('findings.name'), dataIndex: 'title', key: 'title' },
          {
            title: t('findings.grade'),
            key: 'grade',
            render: (_, f) => (
              <Tag color={f.grade === 'major' ? 'red' : 'default'}>{t(`grade.${f.grade}`)}</Tag>
            ),
          },
          {
            title: t('findings.status'),
            key: 'status',
            render: (_, f) => t(`findingStatus.${f.status}`),
          },
          { title: t('findings.deadline'), dataIndex: 'deadline', key: 'deadline' },
          {
            title: t('enterpriseFile.daysLeft'),
            key: 'days',
            render: (_, f) => {
              const days = daysRemaining(f.deadline, today);
              return days < 0 && f.status === 'open' ? (
                <Tag color="red" aria-label={t('enterpriseFile.overdueBy', { count: -days })}>
                  {days}
                </Tag>
              ) : (
                days
              );
            },
          },
        ]}
      />
    </Card>
  );
}
