import { FileTextOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import {
  daysRemaining,
  effectiveStatus,
  isListedForSupervision,
} from '../../../../domain/rules/deadlines';
import { formatDateTime } from '../common/format-date';
import { printPath } from '../documents/document-kinds';
import { DaysRemaining } from './DaysRemaining';
import { hazardTimeline } from './hazard-timeline';
import { PhotoCompare } from './PhotoCompare';
import { RectificationDialog } from './RectificationDialog';
import { ReinspectionDialog } from './ReinspectionDialog';
import { StatusHistory } from './StatusHistory';
import { ListedTag, StatusTag } from './StatusTag';
import type { HazardDetail } from './useHazardDetail';

type Dialog = 'rectification' | 'reinspection' | null;

/** The hazard's facts, its photos before and after, the re-inspection result and the actions. */
export function HazardDetailBody({ detail }: { detail: HazardDetail }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { finding, enterprise, inspection, people } = detail;
  const today = todayInChina(new Date());
  const status = effectiveStatus(finding, today);
  const verification = finding.verification;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <StatusTag status={status} />
        {isListedForSupervision(finding) ? <ListedTag /> : null}
        <DaysRemaining days={daysRemaining(finding.deadline, today)} status={status} />
      </Space>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('deadlines.enterprise')}>
          {enterprise?.name ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.grade')}>
          {t(`grade.${finding.grade}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.category')}>
          {t(`hazardForm.categories.${finding.category}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.requirement')}>
          {finding.requirement}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.deadline')}>{finding.deadline}</Descriptions.Item>
        <Descriptions.Item label={t('deadlines.responsiblePerson')}>
          {finding.responsiblePerson}
        </Descriptions.Item>
        {finding.rectification ? (
          <Descriptions.Item label={t('deadlines.reported')}>
            {t('deadlines.reportedOn', { date: finding.rectification.reportedOn })}
            {finding.rectification.note !== '' ? ` — ${finding.rectification.note}` : ''}
          </Descriptions.Item>
        ) : null}
        {verification ? (
          <Descriptions.Item label={t('deadlines.verification')}>
            <Typography.Text strong type={verification.result === 'passed' ? 'success' : 'danger'}>
              {t(`deadlines.result.${verification.result}`)}
            </Typography.Text>{' '}
            {t('deadlines.verifiedBy', {
              name: people.get(verification.verifiedBy) ?? t('deadlines.someone'),
              date: formatDateTime(verification.verifiedAt, i18n.language),
            })}
            {verification.note ? ` — ${verification.note}` : ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <PhotoCompare before={finding.photos} after={verification ? verification.photos : null} />
      <Divider plain>{t('deadlines.history')}</Divider>
      <StatusHistory
        steps={hazardTimeline(finding, inspection?.startedAt ?? null)}
        people={people}
      />
      <Flex gap={8} wrap>
        {finding.status === 'open' ? (
          <Button type="primary" onClick={() => setDialog('rectification')}>
            {t('deadlines.recordRectification')}
          </Button>
        ) : null}
        {finding.status === 'rectified' ? (
          <Button type="primary" onClick={() => setDialog('reinspection')}>
            {t('deadlines.recordReinspection')}
          </Button>
        ) : null}
        {verification ? (
          <Button
            icon={<FileTextOutlined />}
            onClick={() => void navigate(printPath(finding.inspectionId, 'reinspection'))}
          >
            {t('deadlines.printOpinion')}
          </Button>
        ) : null}
      </Flex>
      {dialog === 'rectification' ? (
        <RectificationDialog finding={finding} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'reinspection' ? (
        <ReinspectionDialog finding={finding} onClose={() => setDialog(null)} />
      ) : null}
    </Flex>
  );
}
