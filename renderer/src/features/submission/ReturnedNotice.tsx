import { Alert } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { wasResubmitted } from '../../../../domain/rules/review';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { getDirectoryUser } from '../../db/repositories/users';
import { useProfile } from '../../session/session-context';
import { formatDateTime } from '../common/format-date';

/**
 * Tells the inspector that a supervisor returned the inspection, with the comment and who wrote
 * it, and how to answer (an amendment, which resubmits it); or that it has been resubmitted.
 */
export function ReturnedNotice({ inspection }: { inspection: Inspection }) {
  const { t, i18n } = useTranslation();
  const { db } = useProfile();
  const { review } = inspection;
  const reviewerId = review.reviewerId;
  const reviewer = useLiveQuery(
    async () => (reviewerId ? ((await getDirectoryUser(db, reviewerId)) ?? null) : null),
    [db, reviewerId],
  );
  // Wait for the reviewer's name rather than show a placeholder that changes a moment later.
  if (inspection.status !== 'submitted' || reviewer === undefined) return null;
  const name = reviewer?.displayName ?? t('reviewDetail.someone');
  if (review.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('returned.title', {
          name,
          at: formatDateTime(review.reviewedAt, i18n.language),
        })}
        description={
          <>
            <div>{t('returned.comment', { comment: review.comment })}</div>
            <div>{t('returned.howTo')}</div>
          </>
        }
      />
    );
  }
  if (wasResubmitted(review)) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('returned.resubmittedTitle')}
        description={t('returned.resubmittedBody', { name, comment: review.comment })}
      />
    );
  }
  return null;
}
