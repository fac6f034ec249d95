// Runs one write of the list screens against the server and says how it went: the success
// message, or the refusal in the user's words (offline, a known code, or the server's message).
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isOffline } from '../../sync/errors';

export function useListAction(): {
  busy: boolean;
  run: (action: () => Promise<unknown>, success: string) => Promise<boolean>;
} {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run(action: () => Promise<unknown>, success: string): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      void message.success(success);
      return true;
    } catch (error) {
      void message.error(listActionFailure(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A failed write in the user's words. */
export function listActionFailure(error: unknown, t: Translate): string {
  if (isOffline(error)) return t('lists.errors.offline');
  const failed = t('lists.errors.failed', {
    message: error instanceof Error ? error.message : String(error),
  });
  if (!(error instanceof ApiError)) return failed;
  // A code (riskOverride.notFound) is a key under lists.errors; an unknown one gives the message.
  return t(`lists.errors.${error.code}`, { defaultValue: failed });
}
