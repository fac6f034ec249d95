import { Descriptions, Divider, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import {
  daysRemaining,
  effectiveStatus,
  isListedForSupervision,
} from '../../../../domain/rules/deadlines';
import { pendingExtension } from '../../../../domain/rules/extension';
import { formatDateTime } from '../common/format-date';
import { DaysRemaining } from './DaysRemaining';
import { FindingActions } from './FindingActions';
import { findingTimeline } from './finding-timeline';
import { PhotoCompare } from './PhotoCompare';
import { StatusHistory } from './StatusHistory';
import { ListedTag, StatusTag } from './StatusTag';
import type { FindingDetail } from './useFindingDetail';

/**
 * The hazard's facts, a request for more time waiting for a decision, its photos before and after,
 * the re-inspection result, its history and the actions.
 */
export function FindingDetailBody({ detail }: { detail: FindingDetail }) {
  const { t, i18n } = useTranslation();
  const { finding, enterprise, inspection, people } = detail;
  const today = todayInChina(new Date());
  const status = effectiveStatus(finding, today);
  const verification = finding.verification;
  const pending = pendingExtension(finding);
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
          {t(`findingForm.categories.${finding.category}`)}
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
        {pending ? (
          <Descriptions.Item label={t('deadlines.pendingExtension')}>
            {t('deadlines.pendingExtensionText', {
              date: pending.requestedOn,
              deadline: pending.requestedDeadline,
              reason: pending.reason,
            })}
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
        steps={findingTimeline(finding, inspection?.startedAt ?? null)}
        people={people}
      />
      <FindingActions finding={finding} inspection={inspection} />
    </Flex>
  );
}
