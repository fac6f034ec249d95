// The draws of an approved plan, period by period: run the period's draw, redraw it with a
// reason, and every draw of the year listed (redrawn ones kept and marked), each opening its
// record, visits, verification and publication. Draws are made on the server: the screen says
// so when it cannot be reached.
import { Alert, App, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../common/ServerLoadNotice';
import { useNavigate, useParams } from 'react-router';
import type { DrawRecord } from '../../../../domain/schemas/draw';
import type { Plan } from '../../../../domain/schemas/plan';
import { planInForce } from '../../../../domain/rules/plan-versions';
import { useProfile } from '../../session/session-context';
import { useCaseNames } from '../cases/useCaseNames';
import { formatDateTime } from '../common/format-date';
import { useServerLoad } from '../common/useServerLoad';
import { DrawDrawer } from './DrawDrawer';
import { DrawModal } from './DrawModal';
import { periodLabel } from './period-label';
import type { PeriodDraws } from './draws-view';
import { drawsByPeriod, visitCounts } from './draws-view';
import { useAgencies, usePlansClient } from './usePlans';

interface Loaded {
  plan: Plan;
  inForce: boolean;
  draws: DrawRecord[];
}

type Running = { period: PeriodDraws; redrawOf: DrawRecord | null } | null;

export function PlanDrawsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const { session } = useProfile();
  const supervisor = session.user.role === 'supervisor';
  const client = usePlansClient();
  const names = useCaseNames();
  const agencies = useAgencies(session.user.agencyId);
  const { state, reload } = useServerLoad<Loaded | null>(async () => {
    const plans = await client.list();
    const plan = plans.find((p) => p.id === id);
    if (!plan) return null;
    const inForce = planInForce(plans.filter((p) => p.year === plan.year))?.id === plan.id;
    return { plan, inForce, draws: await client.draws(plan.id) };
  }, `plan-draws:${id}`);
  const [running, setRunning] = useState<Running>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const labelOf = (key: string) => periodLabel(key, t);

  const loaded = state.status === 'ready' ? state.data : null;
  const periods = loaded ? drawsByPeriod(loaded.plan, loaded.draws) : [];
  const opened = periods.flatMap((p) => p.draws).find((d) => d.draw.id === openId);
  const canDraw = supervisor && loaded?.inForce === true;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>
          {loaded
            ? t('plans.drawsTitle', { title: loaded.plan.title, revision: loaded.plan.revision })
            : t('plans.draws')}
        </Typography.Title>
        <Space>
          <Button onClick={() => void navigate('/plans')}>{t('plans.backToPlans')}</Button>
          <Button onClick={reload}>{t('plans.reload')}</Button>
        </Space>
      </Flex>
      <Typography.Text type="secondary">{t('plans.drawsNeedServer')}</Typography.Text>
      <ServerLoadNotice
        state={state}
        offline={t('plans.offline')}
        failed={(message) => t('plans.failed', { message })}
      />
      {state.status === 'ready' && state.data === null ? (
        <Empty description={t('plans.notFound')} />
      ) : null}
      {loaded && !loaded.inForce ? (
        <Alert type="info" showIcon title={t('plans.notInForce')} />
      ) : null}
      {periods.map((p) => (
        <Card
          key={p.period.key}
          size="small"
          title={`${labelOf(p.period.key)} · ${p.period.from} – ${p.period.to}`}
          extra={
            canDraw ? (
              <Button
                size="small"
                type={p.inForce ? 'default' : 'primary'}
                onClick={() => setRunning({ period: p, redrawOf: p.inForce ?? null })}
              >
                {p.inForce ? t('plans.redraw') : t('plans.runDraw')}
              </Button>
            ) : null
          }
        >
          {p.draws.length === 0 ? (
            <Typography.Text type="secondary">{t('plans.noDraw')}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={p.draws}
              renderItem={({ draw, replacedBy }) => (
                <List.Item
                  actions={[
                    <Button key="open" size="small" onClick={() => setOpenId(draw.id)}>
                      {t('plans.openDraw')}
                    </Button>,
                  ]}
                >
                  <Space wrap size={6}>
                    {replacedBy ? (
                      <Tag>{t('plans.replaced')}</Tag>
                    ) : (
                      <Tag color="green">{t('plans.inForce')}</Tag>
                    )}
                    {draw.redraw ? <Tag color="orange">{t('plans.redrawTag')}</Tag> : null}
                    {draw.jointPartnerAgencyId ? (
                      <Tag color="purple">
                        {t('plans.jointWith', { agency: agencies.name(draw.jointPartnerAgencyId) })}
                      </Tag>
                    ) : null}
                    <span>{formatDateTime(draw.drawnAt)}</span>
                    <span>{t('plans.visits.counts', visitCounts(draw))}</span>
                    <Typography.Text type="secondary">
                      {t(`plans.seedSource.${draw.seed.source}`)}: {draw.seed.description}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      ))}
      {running && loaded ? (
        <DrawModal
          planId={loaded.plan.id}
          agencyId={loaded.plan.agencyId}
          periodKey={running.period.period.key}
          periodLabel={labelOf(running.period.period.key)}
          redrawOf={running.redrawOf}
          onDrawn={(answer) => {
            setRunning(null);
            void message.success(
              answer.replayed
                ? t('plans.drawReplayed')
                : t('plans.drawn', visitCounts(answer.draw)),
            );
            setOpenId(answer.draw.id);
            reload();
          }}
          onCancel={() => setRunning(null)}
        />
      ) : null}
      {opened ? (
        <DrawDrawer
          draw={opened.draw}
          replacedBy={opened.replacedBy}
          names={names}
          agencyName={agencies.name}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </Flex>
  );
}
