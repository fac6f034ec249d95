import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Remote } from './useAdminContent';

interface Props {
  state: Remote<unknown>;
  onRetry: () => void;
}

/** What a screen shows while its server read is loading, offline or failed (nothing when ready). */
export function RemoteState({ state, onRetry }: Props) {
  const { t } = useTranslation();
  const retry = (
    <Button size="small" onClick={onRetry}>
      {t('adminTemplates.retry')}
    </Button>
  );
  if (state.status === 'loading') return <Skeleton active aria-busy="true" />;
  if (state.status === 'offline') {
    return <Alert type="info" showIcon title={t('adminTemplates.offline')} action={retry} />;
  }
  if (state.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('adminTemplates.failed', { message: state.message })}
        action={retry}
      />
    );
  }
  return null;
}
