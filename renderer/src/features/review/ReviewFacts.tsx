import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { submittedAt } from '../../../../domain/rules/review';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { formatDateTime } from '../common/format-date';
import type { ReviewDetailData } from './useReviewDetail';

const reviewColors = { pending: 'processing', approved: 'success', returned: 'warning' };

function locationText(
  t: (key: string, values?: Record<string, unknown>) => string,
  location: Inspection['location'],
): string {
  if (!location) return t('reviewDetail.noLocation');
  const lat = location.lat.toFixed(6);
  const lon = location.lon.toFixed(6);
  return location.accuracyM === null
    ? t('reviewDetail.locationNoAccuracy', { lat, lon })
    : t('reviewDetail.locationValue', { lat, lon, accuracy: Math.round(location.accuracyM) });
}

/** What the inspection was: where, when, by whom, and its review state. */
export function ReviewFacts({ data }: { data: ReviewDetailData }) {
  const { t, i18n } = useTranslation();
  const { inspection, users } = data;
  const name = (id: string) => users.get(id)?.displayName ?? t('reviewDetail.someone');
  const items: DescriptionsProps['items'] = [
    {
      key: 'enterprise',
      label: t('reviewDetail.enterprise'),
      children: data.enterpriseName ?? '—',
    },
    {
      key: 'kind',
      label: t('reviewDetail.kind'),
      children: t(`inspectionKind.${inspection.kind}`),
    },
    {
      key: 'startedAt',
      label: t('reviewDetail.startedAt'),
      children: formatDateTime(inspection.startedAt, i18n.language),
    },
    {
      key: 'submittedAt',
      label: t('reviewDetail.submittedAt'),
      children: formatDateTime(submittedAt(inspection), i18n.language),
    },
    {
      key: 'inspectors',
      label: t('reviewDetail.inspectors'),
      children: [
        t('reviewDetail.leadMark', { name: name(inspection.leadInspectorId) }),
        ...inspection.coInspectorIds.map(name),
      ].join(i18n.language.startsWith('zh') ? '、' : ', '),
    },
    {
      key: 'location',
      label: t('reviewDetail.location'),
      children: locationText(t, inspection.location),
    },
    {
      key: 'review',
      label: t('reviewDetail.reviewStatus'),
      children: (
        <Tag color={reviewColors[inspection.review.status]}>
          {t(`reviewStatus.${inspection.review.status}`)}
        </Tag>
      ),
    },
  ];
  return (
    <Descriptions
      title={t('reviewDetail.facts')}
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      items={items}
    />
  );
}
