import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { ReviewRow } from '../../db/repositories/inspections';
import { ListState } from '../common/ListState';
import { ReviewerScreen } from '../common/ReviewerScreen';
import { BulkApprove } from './BulkApprove';
import { ReviewTable } from './ReviewTable';
import { useReviewQueue } from './useReviewQueue';

function QueueTable({ rows }: { rows: ReviewRow[] }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string[]>([]);
  // A decision made elsewhere (a row's buttons, a pull) takes the row out of the selection.
  const waiting = new Set(rows.map((r) => r.inspection.id));
  const selected = picked.filter((id) => waiting.has(id));
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <BulkApprove selected={selected} onDone={() => setPicked([])} />
        <Typography.Text type="secondary" role="status">
          {t('reviewQueue.count', { count: rows.length })}
        </Typography.Text>
      </Flex>
      <ReviewTable
        rows={rows}
        today={todayInChina(new Date())}
        selected={selected}
        onSelect={setPicked}
      />
    </Flex>
  );
}

function Queue() {
  const { t } = useTranslation();
  const rows = useReviewQueue();
  return (
    <ListState rows={rows} empty={t('review.empty')}>
      {(list) => <QueueTable rows={list} />}
    </ListState>
  );
}

export function ReviewQueue() {
  const { t } = useTranslation();
  return (
    <ReviewerScreen
      title={t('review.title')}
      inspectorNotice={t('review.supervisorsOnly')}
      adminNotice={t('review.adminNotice')}
    >
      <Queue />
    </ReviewerScreen>
  );
}
