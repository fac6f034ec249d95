import { App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './format-bytes';
import { useStorageEstimate } from './useStorageEstimate';

export function StorageCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { usage, quota, persisted, requestPersist } = useStorageEstimate();
  const ask = async () => {
    if (!(await requestPersist())) void message.warning(t('settings.persistDenied'));
  };
  return (
    <Card title={t('settings.storage')} size="small">
      <Flex vertical gap={8} align="start">
        <Typography.Text>
          {usage !== null && quota !== null
            ? t('settings.usage', {
                used: formatBytes(usage, i18n.language),
                quota: formatBytes(quota, i18n.language),
              })
            : t('settings.usageUnknown')}
        </Typography.Text>
        <Typography.Text>
          {persisted ? t('settings.persisted') : t('settings.notPersisted')}
        </Typography.Text>
        {persisted ? null : (
          <Button onClick={() => void ask()}>{t('settings.requestPersist')}</Button>
        )}
      </Flex>
    </Card>
  );
}
