import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise, Milestone } from '../../../../domain/schemas/enterprise';

interface Props {
  enterprise: Enterprise;
  today: string;
}

export function TrackMilestones({ enterprise, today }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('enterpriseFile.track')}
      size="small"
      extra={<Tag color="blue">{t(`track.${enterprise.track}`)}</Tag>}
    >
      <Table<Milestone>
        size="small"
        rowKey={(m) => `${m.due}-${m.title}`}
        pagination={false}
        dataSource={enterprise.trackMilestones}
        locale={{ emptyText: t('enterpriseFile.noMilestones') }}
        columns={[
          { title: t('enterpriseFile.milestone'), dataIndex: 'title', key: 'title' },
          { title: t('enterpriseFile.due'), dataIndex: 'due', key: 'due', width: 120 },
          {
            title: t('inspections.status'),
            key: 'state',
            width: 120,
            render: (_, m) =>
              m.doneAt !== null ? (
                <Tag color="green">{t('enterpriseFile.milestoneDone')}</Tag>
              ) : m.due < today ? (
                <Tag color="red">{t('enterpriseFile.milestoneOverdue')}</Tag>
              ) : (
                <Tag>{t('enterpriseFile.milestoneOpen')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
