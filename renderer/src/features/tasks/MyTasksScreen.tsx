import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { TaskState } from '../../../../domain/rules/plan-progress';
import type { TaskRow } from '../../db/repositories/tasks';
import { ListState } from '../common/ListState';
import { kindLabel, periodLabel } from './task-labels';
import { useMyTasks } from './useMyTasks';

interface Props {
  /** The day the tasks are judged on (YYYY-MM-DD); today in China by default. */
  today?: string;
}

const STATE_COLOR: Record<TaskState, string> = { overdue: 'red', due: 'blue', done: 'green' };

/**
 * The visits the signed-in officer is sent on (drawn and key inspections), read offline, overdue
 * first; each starts an inspection, or opens the one made from it.
 */
export function MyTasksScreen({ today = todayInChina(new Date()) }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = useMyTasks(today);

  const action = (row: TaskRow) => {
    const name = row.enterpriseName ?? t('myTasks.unknownEnterprise');
    if (row.inspectionId !== null) {
      const label = row.state === 'done' ? t('myTasks.open') : t('myTasks.continue');
      return (
        <Button
          size="small"
          aria-label={`${label}：${name}`}
          onClick={() => void navigate(`/inspections/${row.inspectionId}`)}
        >
          {label}
        </Button>
      );
    }
    return (
      <Button
        size="small"
        type={row.state === 'overdue' ? 'primary' : 'default'}
        aria-label={`${t('myTasks.start')}：${name}`}
        onClick={() =>
          void navigate(`/enterprises/${row.task.enterpriseId}/inspect?task=${row.task.id}`)
        }
      >
        {t('myTasks.start')}
      </Button>
    );
  };

  const columns: TableColumnsType<TaskRow> = [
    {
      key: 'state',
      title: t('myTasks.column.state'),
      width: 90,
      render: (_, row) => (
        <Tag color={STATE_COLOR[row.state]}>{t(`myTasks.state.${row.state}`)}</Tag>
      ),
    },
    {
      key: 'enterprise',
      title: t('myTasks.column.enterprise'),
      render: (_, row) => row.enterpriseName ?? t('myTasks.unknownEnterprise'),
    },
    {
      key: 'kind',
      title: t('myTasks.column.kind'),
      width: 130,
      render: (_, row) => kindLabel(t, row.task),
    },
    {
      key: 'period',
      title: t('myTasks.column.period'),
      width: 130,
      render: (_, row) => periodLabel(t, row.task),
    },
    {
      key: 'due',
      title: t('myTasks.column.due'),
      width: 200,
      render: (_, row) => `${row.task.dueFrom} – ${row.task.dueBy}`,
    },
    {
      key: 'officers',
      title: t('myTasks.column.coOfficers'),
      render: (_, row) =>
        row.task.officerIds.length === 0
          ? t('myTasks.anyOfficer')
          : row.coOfficers.map((o) => o.name).join('、') || '—',
    },
    { key: 'action', title: t('myTasks.column.action'), render: (_, row) => action(row) },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('myTasks.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('myTasks.scope', { date: today })}</Typography.Text>
      <ListState rows={rows} empty={t('myTasks.empty')}>
        {(list) => (
          <Table<TaskRow>
            size="small"
            rowKey={(row) => row.task.id}
            columns={columns}
            dataSource={list}
            pagination={list.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </ListState>
    </Flex>
  );
}
