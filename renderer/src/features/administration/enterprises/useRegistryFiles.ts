// The registry's files an administrator saves: the import's template workbook and the export of
// the whole registry (.xlsx or .csv, the import's format), read from the server and saved where
// the user chooses through the app's file dialog.
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../../domain/rules/calendar-date';
import type { RegistryFormat } from '../../../sync/admin-content-client';
import { messageOf, useAdminContent } from '../templates/useAdminContent';

const FILTERS = {
  xlsx: [{ name: 'Excel', extensions: ['xlsx'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
};

export function useRegistryFiles() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = useAdminContent();
  const [busy, setBusy] = useState<'template' | RegistryFormat | null>(null);

  async function save(which: 'template' | RegistryFormat) {
    setBusy(which);
    try {
      const data =
        which === 'template' ? await admin.importTemplate() : await admin.exportRegistry(which);
      const format = which === 'template' ? 'xlsx' : which;
      const result = await window.api.saveFile({
        defaultName:
          which === 'template'
            ? `${t('adminEnterprises.templateFileName')}.xlsx`
            : `${t('adminEnterprises.exportFileName')}-${todayInChina(new Date())}.${format}`,
        filters: FILTERS[format],
        data,
      });
      if (result.saved) void message.success(t('adminEnterprises.fileSaved'));
    } catch (error) {
      void message.error(t('adminEnterprises.actionFailed', { message: messageOf(error) }));
    } finally {
      setBusy(null);
    }
  }
  return { busy, save };
}
