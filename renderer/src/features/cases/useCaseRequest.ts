// A request a case screen sends to the server (open a case, approve, advance, link, amend): busy
// while it runs, its success said, and its refusal said in the cases' words (the server's code
// where the app knows it, offline when the server cannot be reached).
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isOffline } from '../../sync/errors';

/** The words for a case request's failure. */
export function caseFailureText(error: unknown, t: TFunction): string {
  if (isOffline(error)) return t('cases.offline');
  const code = error instanceof ApiError ? error.code : '';
  return t(`cases.errors.${code}`, {
    defaultValue: t('cases.failed', {
      message: error instanceof Error ? error.message : String(error),
    }),
  });
}

export function useCaseRequest() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  /** Sends `action`; says `success` and answers true when the server took it. */
  async function run(action: () => Promise<unknown>, success: string): Promise<boolean> {
    setBusy(true);
    try {
      await action();
      void message.success(success);
      return true;
    } catch (error) {
      void message.error(caseFailureText(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, run };
}
