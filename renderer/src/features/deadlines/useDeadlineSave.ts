import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rectificationErrorText } from './rectification-error';

/**
 * The save step of the deadline dialogs: `fail` shows an entry's problem (a key under
 * deadlines.problem); `run` writes, then confirms (a key under deadlines.saved) and closes, or
 * shows why the write was refused.
 */
export function useDeadlineSave(onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const fail = (problem: string) => setError(t(`deadlines.problem.${problem}`));

  const run = async (write: () => Promise<unknown>, saved: string) => {
    setSaving(true);
    try {
      await write();
      void message.success(t(`deadlines.saved.${saved}`));
      onClose();
    } catch (e) {
      setError(rectificationErrorText(t, e));
    } finally {
      setSaving(false);
    }
  };

  return { error, saving, fail, run, clearError: () => setError(null) };
}
