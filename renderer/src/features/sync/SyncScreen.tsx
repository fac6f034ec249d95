import { SyncOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { useOnline } from '../../shared/useOnline';
import { useSyncStatus } from '../../sync/useSyncStatus';
import { formatDateTime } from '../common/format-date';
import { SyncIssueLists } from './SyncIssueLists';
import { syncErrorText } from './sync-error-text';
import { syncProgressText } from './sync-progress-text';
import { usePendingBlobCount } from './usePendingBlobCount';
import { usePendingCount } from './usePendingCount';

const stateColors = { idle: 'success', syncing: 'processing', error: 'error', offline: 'default' };

export function SyncScreen() {
  const { t, i18n } = useTranslation();
  const { engine } = useProfile();
  const status = useSyncStatus(engine);
  const online = useOnline();
  const pending = usePendingCount();
  const pendingBlobs = usePendingBlobCount();
  const { progress, lastError } = status;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('sync.state')}>
          <Tag color={stateColors[status.state]}>{t(`syncState.${status.state}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastSuccess')}>
          {status.lastSuccessAt
            ? formatDateTime(status.lastSuccessAt, i18n.language)
            : t('sync.never')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastError')}>
          {lastError
            ? `${syncErrorText(lastError, t)} (${formatDateTime(lastError.at, i18n.language)})`
            : t('sync.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.pending')}>
          <span data-testid="pending-changes">{pending ?? '…'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('syncDetail.pendingPhotos')}>
          <span data-testid="pending-photos">{pendingBlobs ?? '…'}</span>
        </Descriptions.Item>
        {progress ? (
          <Descriptions.Item label={t('sync.progress')}>
            <span role="status">{syncProgressText(progress, t)}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Flex gap={12} align="center" wrap>
        <Button
          type="primary"
          icon={<SyncOutlined spin={status.state === 'syncing'} />}
          // Offline there is nothing to sync with; the engine syncs by itself when the network
          // returns, which the line beside the button says.
          disabled={status.state === 'syncing' || !online}
          onClick={() => void engine.syncNow()}
        >
          {t('sync.syncNow')}
        </Button>
        {online ? null : (
          <Typography.Text type="secondary">{t('syncError.offline')}</Typography.Text>
        )}
      </Flex>
      <SyncIssueLists />
    </Flex>
  );
}
