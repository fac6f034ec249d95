import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { hazardCaseOrigins } from '../../../../domain/rules/case-origin';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { ApiError } from '../../sync/errors';
import { isOffline } from '../../sync/errors';
import { useCasesClient } from './useCases';

/**
 * 申请立案 from a hazard that may open a penalty case (overdue major, failed re-inspection):
 * the request goes to the server at once, which checks it on its own facts.
 */
export function OpenCaseButton({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useProfile();
  const client = useCasesClient();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [origin] = hazardCaseOrigins(finding, todayInChina(new Date()));
  if (origin === undefined || session.user.role === 'admin') return null;

  async function submit(kind: NonNullable<typeof origin>) {
    setBusy(true);
    try {
      await client.open({ origin: { kind, recordId: finding.id }, summary: summary.trim() });
      void message.success(t('cases.opened'));
      setOpen(false);
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      void message.error(
        isOffline(error)
          ? t('cases.offline')
          : t(`cases.errors.${code}`, {
              defaultValue: t('cases.failed', {
                message: error instanceof Error ? error.message : String(error),
              }),
            }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        danger
        onClick={() => {
          setSummary(`${t(`cases.origins.${origin}`)}：${finding.title}`);
          setOpen(true);
        }}
      >
        {t('cases.openCase')}
      </Button>
      <Modal
        open={open}
        title={t('cases.openCaseTitle')}
        okText={t('cases.openCase')}
        okButtonProps={{ disabled: summary.trim() === '', loading: busy }}
        onOk={() => void submit(origin)}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea
          aria-label={t('cases.openCaseSummary')}
          value={summary}
          maxLength={500}
          onChange={(e) => setSummary(e.target.value)}
        />
      </Modal>
    </>
  );
}
