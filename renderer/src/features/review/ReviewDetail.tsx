import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Empty, Flex, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { awaitsReview } from '../../../../domain/rules/amendment';
import { mayReview } from '../../../../domain/rules/review';
import { useProfile } from '../../session/session-context';
import { SiteDistanceWarning } from '../inspections/SiteDistanceWarning';
import { ChecklistResults } from './ChecklistResults';
import { FindingsReview } from './FindingsReview';
import { ReviewActions } from './ReviewActions';
import { ReviewFacts } from './ReviewFacts';
import { ReviewTimeline } from './ReviewTimeline';
import { SignaturesReview } from './SignaturesReview';
import { reviewLabel } from './review-label';
import { useBlobDownload } from './useBlobDownload';
import { useReviewDetail } from './useReviewDetail';
import type { ReviewDetailData } from './useReviewDetail';

/** Every picture the reviewer may look at: the hazards' photos and the signatures. */
function pictures(data: ReviewDetailData | null | undefined) {
  if (!data) return [];
  return [
    ...data.findings.flatMap((f) => f.photos),
    ...data.inspection.signatures.map((s) => s.image),
  ];
}

/**
 * One inspection as a reviewer reads it (`#/review/:id`): its facts, checklist, hazards with their
 * photos, signatures and history, with Approve and Return while it waits for review.
 */
export function ReviewDetail() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { session } = useProfile();
  const navigate = useNavigate();
  const data = useReviewDetail(id);
  const refs = useMemo(() => pictures(data), [data]);
  const download = useBlobDownload(refs);
  const back = (
    <Link to="/review">
      <ArrowLeftOutlined aria-hidden /> {t('reviewDetail.back')}
    </Link>
  );
  if (data === undefined) return <Skeleton active aria-busy="true" />;
  if (data === null) {
    return (
      <Flex vertical gap={16}>
        {back}
        <Empty description={t('reviewDetail.notFound')} />
      </Flex>
    );
  }
  const { inspection } = data;
  // Only a supervisor of its agency who took no part in it decides (as the server requires).
  const decides = mayReview(inspection, session.user) && awaitsReview(inspection);
  const label = reviewLabel({ inspection, enterpriseName: data.enterpriseName }, i18n.language);
  return (
    <Flex vertical gap={16}>
      {back}
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reviewDetail.title', { name: data.enterpriseName ?? '—' })}
        </Typography.Title>
        {decides ? (
          <ReviewActions
            inspectionId={inspection.id}
            label={label}
            onDecided={() => void navigate('/review')}
          />
        ) : null}
      </Flex>
      <SiteDistanceWarning location={inspection.location} registered={data.enterprisePosition} />
      <ReviewFacts data={data} />
      <ChecklistResults results={inspection.itemResults} items={data.items} />
      {download.status === 'downloading' ? (
        <Typography.Text type="secondary" role="status">
          {t('reviewDetail.photosDownloading')}
        </Typography.Text>
      ) : null}
      {download.status === 'failed' ? (
        <Alert type="warning" showIcon title={t('reviewDetail.photosFailed')} />
      ) : null}
      {/* Remounted once fetched bytes are stored, so the images read them. */}
      <FindingsReview key={`f${download.generation}`} findings={data.findings} />
      <SignaturesReview key={`s${download.generation}`} inspection={inspection} />
      <ReviewTimeline inspection={inspection} users={data.users} />
    </Flex>
  );
}
