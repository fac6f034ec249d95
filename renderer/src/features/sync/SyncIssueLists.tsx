import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { dismissConflict, dismissRejected } from '../../db/repositories/conflicts';
import { formatDateTime } from '../common/format-date';
import { IssueList } from './IssueList';
import { reasonInLanguage } from './reason-in-language';
import { useSyncIssues } from './useSyncIssues';

/** What the server refused (with its reasons) and where this device's changes hit conflicts. */
export function SyncIssueLists() {
  const { t, i18n } = useTranslation();
  const { db } = useProfile();
  const issues = useSyncIssues();
  if (!issues) return null;
  return (
    <>
      <Card title={t('syncDetail.rejectedTitle')} size="small">
        <IssueList
          label={t('syncDetail.rejectedTitle')}
          emptyText={t('syncDetail.rejectedEmpty')}
          rows={issues.rejected}
          titleKey="syncDetail.rejectedItem"
          onDismiss={(seq) => void dismissRejected(db, seq)}
          describe={(row) => (
            <>
              <Typography.Text type="danger">
                {t('syncDetail.reason', { reason: reasonInLanguage(i18n, row) })}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDateTime(row.rejectedAt, i18n.language)}
              </Typography.Text>
            </>
          )}
        />
      </Card>
      <Card title={t('syncDetail.conflictsTitle')} size="small">
        <Typography.Paragraph type="secondary">
          {t('syncDetail.conflictsHint')}
        </Typography.Paragraph>
        <IssueList
          label={t('syncDetail.conflictsTitle')}
          emptyText={t('syncDetail.conflictsEmpty')}
          rows={issues.conflicts}
          titleKey="syncDetail.conflictItem"
          onDismiss={(seq) => void dismissConflict(db, seq)}
          describe={(row) => (
            <Typography.Text type="secondary">
              {row.detail ? `${row.detail} · ` : ''}
              {formatDateTime(row.at, i18n.language)}
            </Typography.Text>
          )}
        />
      </Card>
    </>
  );
}
