import { Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { rectificationReportProblem } from '../../../../domain/rules/rectification';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { recordRectificationReport } from '../../db/repositories/rectification';
import { DeadlineDialog, NoteField } from './DeadlineDialog';
import { useDeadlineSave } from './useDeadlineSave';

interface Props {
  finding: Finding;
  onClose: () => void;
}

/** Records the enterprise's report that it has rectified the hazard (date reported, note). */
export function RectificationDialog({ finding, onClose }: Props) {
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const today = todayInChina(new Date());
  const [reportedOn, setReportedOn] = useState(today);
  const [note, setNote] = useState('');
  const { error, saving, fail, run } = useDeadlineSave(onClose);

  const save = async () => {
    const problem = rectificationReportProblem(finding, { reportedOn, note }, today);
    if (problem) return fail(problem);
    await run(
      () => recordRectificationReport(db, finding.id, { reportedOn, note }, session.user),
      'rectified',
    );
  };

  return (
    <DeadlineDialog
      title={t('deadlines.rectificationDialog.title')}
      saving={saving}
      error={error}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('deadlines.rectificationDialog.reportedOn')} htmlFor="rect-reported-on">
          <Input
            id="rect-reported-on"
            type="date"
            max={today}
            value={reportedOn}
            onChange={(e) => setReportedOn(e.target.value)}
            style={{ maxWidth: 220 }}
          />
        </Form.Item>
        <NoteField id="rect-note" value={note} onChange={setNote} />
      </Form>
    </DeadlineDialog>
  );
}
