import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SyncBadge } from './SyncBadge';
import { useAgency } from './useAgency';
import { useProfile, useSession } from '../session/session-context';

export function AppHeader() {
  const { t } = useTranslation();
  const { session } = useProfile();
  const { signOut } = useSession();
  const agency = useAgency();
  return (
    <Layout.Header
      style={{
        background: 'transparent',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        paddingInline: 24,
      }}
    >
      <Typography.Text strong>{t('app.name')}</Typography.Text>
      <Space size="middle" wrap>
        <SyncBadge />
        <span>
          <Typography.Text>{session.user.displayName}</Typography.Text>
          {agency ? <Typography.Text type="secondary"> · {agency.name}</Typography.Text> : null}
        </span>
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t('shell.signOut')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
