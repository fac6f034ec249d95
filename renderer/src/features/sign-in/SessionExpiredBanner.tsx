import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { RenewSessionDialog } from './RenewSessionDialog';

/**
 * Says, on every screen, that the server ended the session and that the work is safe, and
 * offers to sign in again; nothing is interrupted meanwhile.
 */
export function SessionExpiredBanner() {
  const { t } = useTranslation();
  const { expired } = useSession();
  const [open, setOpen] = useState(false);
  if (!expired) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t('sessionExpired.title')}
        description={t('sessionExpired.body')}
        action={
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('sessionExpired.signInAgain')}
          </Button>
        }
        style={{ margin: '0 24px' }}
      />
      <RenewSessionDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
