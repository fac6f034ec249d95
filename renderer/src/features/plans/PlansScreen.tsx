// 年度监督检查计划: the agency's plans by year, each version with its status; supervisors create
// a draft for a year, edit and approve it, and revise an approved version with a reason. Plans
// are held by the server: the screen says so when it cannot be reached.
import { App, Button, Card, Flex, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../common/ServerLoadNotice';
import { useNavigate } from 'react-router';
import type { Plan } from '../../../../domain/schemas/plan';
import { useProfile } from '../../session/session-context';
import { formatDateTime } from '../common/format-date';
import { useCaseNames } from '../cases/useCaseNames';
import { PlanEditorModal } from './PlanEditorModal';
import { ReviseModal } from './ReviseModal';
import { planRefusalText } from './plan-refusal';
import type { PlanYear } from './plans-view';
import { nextPlanYear, planActions, plansByYear } from './plans-view';
import { drawsPath } from './plan-routes';
import { usePlans, usePlansClient } from './usePlans';

type Editing = { kind: 'new'; year: number } | { kind: 'edit'; plan: Plan } | null;

export function PlansScreen() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { session } = useProfile();
  const supervisor = session.user.role === 'supervisor';
  const client = usePlansClient();
  const names = useCaseNames();
  const { state, reload } = usePlans();
  const [editing, setEditing] = useState<Editing>(null);
  const [revising, setRevising] = useState<Plan | null>(null);
  const plans = state.status === 'ready' ? state.data : [];
  const years = plansByYear(plans);

  const approve = (plan: Plan) =>
    modal.confirm({
      title: t('plans.approveTitle', { year: plan.year, revision: plan.revision }),
      content: t('plans.approveExplained'),
      okText: t('plans.approve'),
      cancelText: t('admin.cancel'),
      onOk: async () => {
        try {
          await client.approve(plan.id, plan.version);
          void message.success(t('plans.approved'));
        } catch (error) {
          void message.error(planRefusalText(error, t));
        }
        reload();
      },
    });

  const columns = (year: PlanYear) => [
    {
      key: 'revision',
      title: t('plans.fields.revision'),
      render: (_: unknown, p: Plan) => t('plans.revisionN', { n: p.revision }),
    },
    { key: 'title', title: t('plans.fields.title'), dataIndex: 'title' },
    {
      key: 'status',
      title: t('plans.fields.status'),
      render: (_: unknown, p: Plan) => (
        <Space size={4} wrap>
          <Tag color={p.status === 'approved' ? 'green' : 'gold'}>
            {t(`plans.status.${p.status}`)}
          </Tag>
          {year.inForce?.id === p.id ? <Tag color="blue">{t('plans.inForce')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'approval',
      title: t('plans.fields.approval'),
      render: (_: unknown, p: Plan) =>
        p.approval
          ? t('plans.approvedBy', {
              name: names.user(p.approval.by),
              at: formatDateTime(p.approval.at),
            })
          : null,
    },
    {
      key: 'reason',
      title: t('plans.fields.reason'),
      render: (_: unknown, p: Plan) => p.revisionReason ?? null,
    },
    {
      key: 'actions',
      title: t('plans.fields.actions'),
      render: (_: unknown, p: Plan) => {
        const can = planActions(p, year, supervisor);
        return (
          <Space size={4} wrap>
            {can.edit ? (
              <Button size="small" onClick={() => setEditing({ kind: 'edit', plan: p })}>
                {t('plans.edit')}
              </Button>
            ) : null}
            {can.approve ? (
              <Button size="small" type="primary" onClick={() => approve(p)}>
                {t('plans.approve')}
              </Button>
            ) : null}
            {can.revise ? (
              <Button size="small" onClick={() => setRevising(p)}>
                {t('plans.revise')}
              </Button>
            ) : null}
            {p.status === 'approved' ? (
              <Button size="small" onClick={() => void navigate(drawsPath(p.id))}>
                {t('plans.draws')}
              </Button>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('plans.title')}</Typography.Title>
        <Space>
          {supervisor && state.status === 'ready' ? (
            <Button
              type="primary"
              onClick={() =>
                setEditing({
                  kind: 'new',
                  year: nextPlanYear(plans, new Date().getFullYear()),
                })
              }
            >
              {t('plans.new')}
            </Button>
          ) : null}
          <Button onClick={reload}>{t('plans.reload')}</Button>
        </Space>
      </Flex>
      <Typography.Text type="secondary">{t('plans.needsServer')}</Typography.Text>
      <ServerLoadNotice
        state={state}
        offline={t('plans.offline')}
        failed={(message) => t('plans.failed', { message })}
      />
      {state.status === 'ready' && years.length === 0 ? (
        <Empty description={t('plans.empty')} />
      ) : null}
      {years.map((year) => (
        <Card key={year.year} size="small" title={t('plans.yearTitle', { year: year.year })}>
          <Table<Plan>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns(year)}
            dataSource={year.versions}
          />
        </Card>
      ))}
      {editing ? (
        <PlanEditorModal
          draft={editing.kind === 'edit' ? editing.plan : null}
          year={editing.kind === 'new' ? editing.year : editing.plan.year}
          onSaved={() => {
            setEditing(null);
            void message.success(t('plans.saved'));
            reload();
          }}
          onStale={() => {
            setEditing(null);
            void message.warning(t('plans.refusals.plan_stale'));
            reload();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {revising ? (
        <ReviseModal
          plan={revising}
          onSaved={(draft) => {
            setRevising(null);
            void message.success(t('plans.revised', { revision: draft.revision }));
            reload();
            setEditing({ kind: 'edit', plan: draft });
          }}
          onCancel={() => setRevising(null)}
        />
      ) : null}
    </Flex>
  );
}
