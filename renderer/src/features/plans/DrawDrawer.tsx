// One draw: its record (seed and its source, the algorithm, when and by whom, the redraw it is),
// the visits it made, a re-verification from the stored record, and the ways to print its record
// and publish its results.
import { Alert, Button, Descriptions, Drawer, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DrawRecord } from '../../../../domain/schemas/draw';
import { formatDateTime } from '../common/format-date';
import type { CaseNames } from '../cases/useCaseNames';
import { DrawVisitsTable } from './DrawVisitsTable';
import { verificationProblemText } from './draw-verification';
import { visitCounts } from './draws-view';
import { periodLabel } from './period-label';
import type { Verification } from './plans-client';
import { planRefusalText } from './plan-refusal';
import { drawRecordPrintPath, publicationPrintPath } from './plan-routes';
import { usePlansClient } from './usePlans';

interface Props {
  draw: DrawRecord;
  replacedBy: DrawRecord | undefined;
  names: CaseNames;
  agencyName: (id: string) => string;
  onClose: () => void;
}

type Check =
  | { status: 'idle' | 'running' }
  | { status: 'done'; result: Verification }
  | { status: 'failed'; message: string };

export function DrawDrawer({ draw, replacedBy, names, agencyName, onClose }: Props) {
  const { t } = useTranslation();
  const client = usePlansClient();
  const navigate = useNavigate();
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const counts = visitCounts(draw);

  async function verify() {
    setCheck({ status: 'running' });
    try {
      setCheck({ status: 'done', result: await client.verify(draw.id) });
    } catch (error) {
      setCheck({ status: 'failed', message: planRefusalText(error, t) });
    }
  }

  return (
    <Drawer
      open
      size="large"
      title={t('plans.drawTitle', {
        period: periodLabel(draw.periodKey, t),
        at: formatDateTime(draw.drawnAt),
      })}
      onClose={onClose}
    >
      <Flex vertical gap={12}>
        <Space wrap>
          <Button onClick={() => void verify()} loading={check.status === 'running'}>
            {t('plans.verify.button')}
          </Button>
          <Button onClick={() => void navigate(drawRecordPrintPath(draw.id))}>
            {t('plans.printRecord')}
          </Button>
          <Button onClick={() => void navigate(publicationPrintPath(draw.id))}>
            {t('plans.publication')}
          </Button>
        </Space>
        {check.status === 'done' ? (
          <Alert
            role="status"
            type={check.result.matches ? 'success' : 'error'}
            showIcon
            title={check.result.matches ? t('plans.verify.matches') : t('plans.verify.differs')}
            description={
              check.result.matches ? null : (
                <ul>
                  {check.result.problems.map((p) => (
                    <li key={p}>{verificationProblemText(p, t)}</li>
                  ))}
                </ul>
              )
            }
          />
        ) : null}
        {check.status === 'failed' ? <Alert type="error" showIcon title={check.message} /> : null}
        {replacedBy ? (
          <Alert
            type="warning"
            showIcon
            title={t('plans.replacedBy', { at: formatDateTime(replacedBy.drawnAt) })}
          />
        ) : null}
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('plans.record.period')}>
            {periodLabel(draw.periodKey, t)} ({draw.periodFrom} – {draw.periodTo})
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.record.seed')}>
            <Typography.Text code copyable>
              {draw.seed.value}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.record.seedSource')}>
            <Tag>{t(`plans.seedSource.${draw.seed.source}`)}</Tag> {draw.seed.description}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.record.seedRecorded')}>
            {formatDateTime(draw.seed.recordedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.record.drawnBy')}>
            {names.user(draw.drawnBy)} · {formatDateTime(draw.drawnAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.record.algorithm')}>
            {draw.algorithm}
          </Descriptions.Item>
          {draw.jointPartnerAgencyId ? (
            <Descriptions.Item label={t('plans.record.partner')}>
              {agencyName(draw.jointPartnerAgencyId)}
            </Descriptions.Item>
          ) : null}
          {draw.redraw ? (
            <Descriptions.Item label={t('plans.record.redrawReason')}>
              {draw.redraw.reason}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('plans.record.resultHash')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {draw.resultHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.record.counts')}>
            {t('plans.visits.counts', counts)}
          </Descriptions.Item>
        </Descriptions>
        <DrawVisitsTable visits={draw.result.visits} names={names} agencyName={agencyName} />
      </Flex>
    </Drawer>
  );
}
