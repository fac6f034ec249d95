import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../app/session-context';
import { ListState } from '../common/ListState';
import { ReviewTable } from './ReviewTable';
import { useReviewQueue } from './useReviewQueue';

function Queue() {
  const { t } = useTranslation();
  const rows = useReviewQueue();
  return (
    <ListState rows={rows} empty={t('review.empty')}>
      {(list) => <ReviewTable rows={list} />}
    </ListState>
  );
}

export function ReviewQueue() {
  const { t } = useTranslation();
  const { session } = useProfile();
  const reviewer = session.user.role !== 'inspector';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('review.title')}
      </Typography.Title>
      {reviewer ? <Queue /> : <Alert type="info" showIcon title={t('review.supervisorsOnly')} />}
    </Flex>
  );
}
