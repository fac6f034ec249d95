import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { useAppInfo } from './useAppInfo';

export function AboutCard() {
  const { t } = useTranslation();
  const info = useAppInfo();
  const { session } = useProfile();
  return (
    <Card title={t('settings.about')} size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('settings.account')}>
          {`${session.user.displayName} (${session.user.username})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.version')}>{info?.version ?? '…'}</Descriptions.Item>
        <Descriptions.Item label={t('settings.shell')}>
          {info
            ? t(info.shell === 'electron' ? 'settings.shellElectron' : 'settings.shellWeb')
            : '…'}
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.platform')}>
          {info?.platform ?? '…'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
