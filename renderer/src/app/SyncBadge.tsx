import { Badge, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../sync/useSyncStatus';
import { useOnline } from './useOnline';
import { useProfile } from './session-context';

const tagColors = { idle: 'success', syncing: 'processing', error: 'error', offline: 'default' };

/** Online or offline, and what the sync worker is doing. */
export function SyncBadge() {
  const { t } = useTranslation();
  const online = useOnline();
  const { engine } = useProfile();
  const { state } = useSyncStatus(engine);
  return (
    <Space>
      <Badge
        status={online ? 'success' : 'default'}
        text={online ? t('shell.online') : t('shell.offline')}
      />
      <Tag color={tagColors[state]}>{t(`syncState.${state}`)}</Tag>
    </Space>
  );
}
