import { Alert, Button, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentStep, isOverdue } from '../../../../domain/rules/penalty-stages';
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { CaseDrawer } from './CaseDrawer';
import { useCaseNames } from './useCaseNames';
import { useCases } from './useCases';

/** 行政处罚: the cases of the user's agency and towns, overdue stages first (the server's order). */
export function CasesScreen() {
  const { t } = useTranslation();
  const { state, reload } = useCases();
  const names = useCaseNames();
  const [openId, setOpenId] = useState<string | null>(null);
  const now = new Date();
  const cases = state.status === 'ready' ? state.data.cases : [];
  const selected = cases.find((c) => c.id === openId) ?? null;

  const columns = [
    {
      key: 'number',
      title: t('cases.number'),
      render: (_: unknown, c: PenaltyCase) => c.number ?? t(`cases.status.${c.status}`),
    },
    {
      key: 'enterprise',
      title: t('cases.enterprise'),
      render: (_: unknown, c: PenaltyCase) => names.enterprise(c.enterpriseId),
    },
    { key: 'summary', title: t('cases.summary'), dataIndex: 'summary' },
    {
      key: 'stage',
      title: t('cases.stage'),
      render: (_: unknown, c: PenaltyCase) => {
        const step = currentStep(c);
        return step ? t(`cases.stages.${step.stage}`) : t(`cases.status.${c.status}`);
      },
    },
    {
      key: 'due',
      title: t('cases.dueOn'),
      render: (_: unknown, c: PenaltyCase) => {
        const step = currentStep(c);
        if (!step) return null;
        return (
          <Flex gap={4} align="center">
            {step.dueOn}
            {isOverdue(c, now) ? <Tag color="red">{t('cases.overdue')}</Tag> : null}
          </Flex>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t('cases.title')}</Typography.Title>
        <Button onClick={reload}>{t('cases.reload')}</Button>
      </Flex>
      {state.status === 'loading' ? <Skeleton active aria-busy="true" /> : null}
      {state.status === 'offline' ? (
        <Alert type="info" showIcon title={t('cases.offline')} />
      ) : null}
      {state.status === 'failed' ? (
        <Alert type="error" showIcon title={t('cases.failed', { message: state.message })} />
      ) : null}
      {state.status === 'ready' ? (
        <Flex gap={8} aria-label={t('cases.countsLabel')} role="group">
          <Tag>{t('cases.counts.pending', { count: state.data.counts.pending })}</Tag>
          <Tag color="blue">{t('cases.counts.open', { count: state.data.counts.open })}</Tag>
          <Tag color={state.data.counts.overdue > 0 ? 'red' : undefined}>
            {t('cases.counts.overdue', { count: state.data.counts.overdue })}
          </Tag>
        </Flex>
      ) : null}
      {state.status === 'ready' && cases.length === 0 ? (
        <Empty description={t('cases.empty')} />
      ) : null}
      {cases.length > 0 ? (
        <Table<PenaltyCase>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={cases}
          pagination={false}
          onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        />
      ) : null}
      {selected ? (
        <CaseDrawer
          theCase={selected}
          names={names}
          onClose={() => setOpenId(null)}
          onChanged={reload}
        />
      ) : null}
    </Flex>
  );
}
