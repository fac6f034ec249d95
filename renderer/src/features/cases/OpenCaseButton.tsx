import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { findingCaseOrigins } from '../../../../domain/rules/case-origin';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { useCaseRequest } from './useCaseRequest';
import { useCasesClient } from './useCases';

/**
 * 申请立案 from a hazard that may open a penalty case (overdue major, failed re-inspection):
 * the request goes to the server at once, which checks it on its own facts.
 */
export function OpenCaseButton({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const { session } = useProfile();
  const client = useCasesClient();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const { busy, run } = useCaseRequest();
  const [origin] = findingCaseOrigins(finding, todayInChina(new Date()));
  if (origin === undefined || session.user.role === 'admin') return null;

  async function submit(kind: NonNullable<typeof origin>) {
    const opened = await run(
      () => client.open({ origin: { kind, recordId: finding.id }, summary: summary.trim() }),
      t('cases.opened'),
    );
    if (opened) setOpen(false);
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
