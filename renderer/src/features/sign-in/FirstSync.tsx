import { Card, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { useSyncStatus } from '../../sync/useSyncStatus';

/** Shown right after signing in, while the first pull fills the local database. */
export function FirstSync() {
  const { t } = useTranslation();
  const { engine } = useProfile();
  const { progress } = useSyncStatus(engine);
  const count = progress?.phase === 'pull' ? progress.applied + progress.deleted : 0;
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Card>
        <Flex vertical align="center" gap={16} role="status" aria-live="polite">
          <Spin size="large" />
          <Typography.Text strong>{t('signIn.firstSync')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('signIn.firstSyncCount', { count })}
          </Typography.Text>
        </Flex>
      </Card>
    </Flex>
  );
}
