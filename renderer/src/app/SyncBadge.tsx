import { Badge, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { syncErrorText } from '../features/sync/sync-error-text';
import { useSyncStatus } from '../sync/useSyncStatus';
import { useOnline } from '../shared/useOnline';
import { useProfile } from '../session/session-context';

const tagColors = { idle: 'success', syncing: 'processing', error: 'error' };

/** Online or offline, what the sync worker is doing, and why its last sync failed. */
export function SyncBadge() {
  const { t } = useTranslation();
  const online = useOnline();
  const { engine } = useProfile();
  const { state, lastError } = useSyncStatus(engine);
  const error = state === 'error' && lastError ? syncErrorText(lastError, t) : null;
  return (
    <Space>
      <Badge
        status={online ? 'success' : 'default'}
        text={online ? t('shell.online') : t('shell.offline')}
      />
      {/* Offline, the badge beside it already says so: the tag would say it a second time. */}
      {state === 'offline' ? null : <Tag color={tagColors[state]}>{t(`syncState.${state}`)}</Tag>}
      {error ? (
        // The header is narrow on small laptops: the sentence is cut there and shown whole on hover
        // and on the Sync screen.
        <Typography.Text type="danger" ellipsis={{ tooltip: error }} style={{ maxWidth: 260 }}>
          {error}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
