import { Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../app/session-context';
import { dismissConflict, dismissRejected } from '../../db/repositories/conflicts';
import { formatDateTime } from '../common/format-date';
import { useSyncIssues } from './useSyncIssues';

const shortId = (id: string) => id.slice(-8);

/** What the server refused (with its reasons) and where this device's changes hit conflicts. */
export function SyncIssueLists() {
  const { t, i18n } = useTranslation();
  const { db } = useProfile();
  const issues = useSyncIssues();
  if (!issues) return null;
  return (
    <>
      <Card title={t('syncDetail.rejectedTitle')} size="small">
        <List
          aria-label={t('syncDetail.rejectedTitle')}
          dataSource={issues.rejected}
          locale={{ emptyText: t('syncDetail.rejectedEmpty') }}
          renderItem={(row) => (
            <List.Item
              actions={[
                <Button
                  key="dismiss"
                  size="small"
                  onClick={() => void dismissRejected(db, row.seq!)}
                >
                  {t('syncDetail.dismiss')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={t('syncDetail.rejectedItem', {
                  entity: t(`syncDetail.entity.${row.entity}`),
                  id: shortId(row.id),
                })}
                description={
                  <>
                    <Typography.Text type="danger">
                      {t('syncDetail.reason', { reason: row.reason })}
                    </Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {formatDateTime(row.rejectedAt, i18n.language)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('syncDetail.conflictsTitle')} size="small">
        <Typography.Paragraph type="secondary">
          {t('syncDetail.conflictsHint')}
        </Typography.Paragraph>
        <List
          aria-label={t('syncDetail.conflictsTitle')}
          dataSource={issues.conflicts}
          locale={{ emptyText: t('syncDetail.conflictsEmpty') }}
          renderItem={(row) => (
            <List.Item
              actions={[
                <Button
                  key="dismiss"
                  size="small"
                  onClick={() => void dismissConflict(db, row.seq!)}
                >
                  {t('syncDetail.dismiss')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={t('syncDetail.conflictItem', {
                  entity: t(`syncDetail.entity.${row.entity}`),
                  id: shortId(row.id),
                })}
                description={
                  <Typography.Text type="secondary">
                    {row.detail ? `${row.detail} · ` : ''}
                    {formatDateTime(row.at, i18n.language)}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
