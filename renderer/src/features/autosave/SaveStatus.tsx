import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './useAutosave';

/** Where the last change stands: saving, saved on this device, or why it could not be saved. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state.status === 'failed') {
    return (
      <Alert
        type="error"
        role="alert"
        showIcon
        title={state.quota ? t('autosave.quotaTitle') : t('autosave.failedTitle')}
        description={state.quota ? t('autosave.quota') : t('autosave.failed')}
      />
    );
  }
  if (state.status === 'idle') return null;
  return (
    <Typography.Text type="secondary" role="status">
      {state.status === 'saving' ? t('autosave.saving') : t('autosave.saved')}
    </Typography.Text>
  );
}
