// Runs a local write and tells the person plainly when it failed (a full disk in particular);
// nothing saved earlier is lost, because each write is one all-or-nothing transaction.
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { localWriteErrorText } from '../../db/quota';

export function useLocalWrite(): <T>(write: () => Promise<T>) => Promise<T | undefined> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    async <T>(write: () => Promise<T>) => {
      try {
        return await write();
      } catch (error) {
        void message.error(localWriteErrorText(t, error, 'storage.writeFailed'));
        return undefined;
      }
    },
    [message, t],
  );
}
