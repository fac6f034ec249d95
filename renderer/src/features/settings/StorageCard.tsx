import { Alert, App, Button, Card, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './format-bytes';
import { storageShare, NEARLY_FULL } from './storage-share';
import { useLocalBlobCounts } from './useLocalBlobCounts';
import { useStorageEstimate } from './useStorageEstimate';

export function StorageCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { usage, quota, persisted, requestPersist, refresh } = useStorageEstimate();
  const blobs = useLocalBlobCounts();
  const share = storageShare(usage, quota);

  // New photos change the usage: estimate again whenever the number of blobs changes.
  useEffect(() => {
    void refresh();
  }, [blobs?.total, refresh]);

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
        {share !== null ? (
          <Progress
            percent={share.percent}
            status={share.fraction >= NEARLY_FULL ? 'exception' : 'normal'}
            aria-label={t('storage.percentUsed', { percent: share.percent })}
            style={{ maxWidth: 400 }}
          />
        ) : null}
        {share !== null && share.fraction >= NEARLY_FULL ? (
          <Alert type="warning" showIcon title={t('storage.nearlyFull')} />
        ) : null}
        {blobs ? (
          <Typography.Text>
            {t('storage.blobs', { count: blobs.total, pending: blobs.pending })}
          </Typography.Text>
        ) : null}
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
