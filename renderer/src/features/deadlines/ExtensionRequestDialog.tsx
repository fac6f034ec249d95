import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayInChina } from '../../../../domain/rules/calendar-date';
import { extensionRequestProblem } from '../../../../domain/rules/extension';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { recordExtensionRequest } from '../../db/repositories/extensions';
import { DeadlineDialog } from './DeadlineDialog';
import { useDeadlineSave } from './useDeadlineSave';

interface Props {
  finding: Finding;
  onClose: () => void;
}

/** Records the enterprise's request for more time: the day it asked, why, and until when. */
export function ExtensionRequestDialog({ finding, onClose }: Props) {
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const today = todayInChina(new Date());
  const [requestedOn, setRequestedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [requestedDeadline, setRequestedDeadline] = useState('');
  const { error, saving, fail, run } = useDeadlineSave(onClose);
  // The earliest deadline worth asking for: after today and after the current one.
  const earliest = addDays(finding.deadline > today ? finding.deadline : today, 1);

  const save = async () => {
    const input = { requestedOn, reason, requestedDeadline };
    const problem = extensionRequestProblem(finding, input, today);
    if (problem) return fail(`extension.${problem}`);
    await run(
      () => recordExtensionRequest(db, finding.id, input, session.user),
      'extensionRequested',
    );
  };

  return (
    <DeadlineDialog
      title={t('deadlines.extensionRequestDialog.title')}
      saving={saving}
      error={error}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item
          label={t('deadlines.extensionRequestDialog.requestedOn')}
          htmlFor="extension-requested-on"
        >
          <Input
            id="extension-requested-on"
            type="date"
            max={today}
            value={requestedOn}
            onChange={(e) => setRequestedOn(e.target.value)}
            style={{ maxWidth: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('deadlines.extensionRequestDialog.reason')} htmlFor="extension-reason">
          <Input.TextArea
            id="extension-reason"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
        <Form.Item
          label={t('deadlines.extensionRequestDialog.requestedDeadline')}
          htmlFor="extension-requested-deadline"
          extra={t('deadlines.extensionRequestDialog.currentDeadline', {
            deadline: finding.deadline,
          })}
        >
          <Input
            id="extension-requested-deadline"
            type="date"
            min={earliest}
            value={requestedDeadline}
            onChange={(e) => setRequestedDeadline(e.target.value)}
            style={{ maxWidth: 220 }}
          />
        </Form.Item>
      </Form>
    </DeadlineDialog>
  );
}
