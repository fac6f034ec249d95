import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../../common/ServerLoadNotice';
import type { Remote } from './useAdminContent';

interface Props {
  state: Remote<unknown>;
  onRetry: () => void;
}

/** What a screen shows while its server read is loading, offline or failed (nothing when ready). */
export function RemoteState({ state, onRetry }: Props) {
  const { t } = useTranslation();
  return (
    <ServerLoadNotice
      state={state}
      offline={t('adminTemplates.offline')}
      failed={(message) => t('adminTemplates.failed', { message })}
      retry={{ label: t('adminTemplates.retry'), onRetry }}
    />
  );
}
