import { LogoutOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from './LanguageSelect';
import { useSession } from '../../session/session-context';
import { AboutCard } from './AboutCard';
import { ServerUrlForm } from './ServerUrlForm';
import { StorageCard } from './StorageCard';
import { useAppInfo } from './useAppInfo';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const info = useAppInfo();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card size="small">
        <Flex vertical gap={8}>
          <label htmlFor="settings-language">{t('settings.language')}</label>
          <LanguageSelect id="settings-language" withSystem />
        </Flex>
        <div style={{ marginTop: 16 }}>
          {info ? <ServerUrlForm editableAddress={info.shell === 'electron'} /> : null}
        </div>
      </Card>
      <StorageCard />
      <AboutCard />
      <div>
        <Button danger icon={<LogoutOutlined />} onClick={() => void signOut()}>
          {t('shell.signOut')}
        </Button>
      </div>
    </Flex>
  );
}
