import { Descriptions, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayInChina } from '../../../../domain/rules/calendar-date';
import { extensionDecisionProblem } from '../../../../domain/rules/extension';
import type { ExtensionRequest, Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { decideExtensionRequest } from '../../db/repositories/extensions';
import { DeadlineDialog } from './DeadlineDialog';
import { useDeadlineSave } from './useDeadlineSave';

interface Props {
  finding: Finding;
  request: ExtensionRequest;
  onClose: () => void;
}

type Result = 'granted' | 'refused';

/**
 * A supervisor's decision on the waiting request for more time: grant it with a new deadline (by
 * default the one asked for) or refuse it, saying why.
 */
export function ExtensionDecisionDialog({ finding, request, onClose }: Props) {
  const { t } = useTranslation();
  const { db, session } = useProfile();
  const today = todayInChina(new Date());
  const [result, setResult] = useState<Result | null>(null);
  const [newDeadline, setNewDeadline] = useState(request.requestedDeadline);
  const [comment, setComment] = useState('');
  const { error, saving, fail, run, clearError } = useDeadlineSave(onClose);
  const earliest = addDays(finding.deadline > today ? finding.deadline : today, 1);

  const save = async () => {
    if (result === null) return fail('decisionRequired');
    const input = {
      extensionId: request.id,
      result,
      newDeadline: result === 'granted' ? newDeadline : null,
      comment,
    };
    const problem = extensionDecisionProblem(finding, input, today);
    if (problem) return fail(`extension.${problem}`);
    await run(
      () => decideExtensionRequest(db, finding.id, input, session.user),
      result === 'granted' ? 'extensionGranted' : 'extensionRefused',
    );
  };

  return (
    <DeadlineDialog
      title={t('deadlines.extensionDecisionDialog.title')}
      saving={saving}
      error={error}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('deadlines.extensionRequestDialog.requestedOn')}>
          {request.requestedOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.extensionRequestDialog.reason')}>
          {request.reason}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.extensionRequestDialog.requestedDeadline')}>
          {request.requestedDeadline}
        </Descriptions.Item>
        <Descriptions.Item label={t('deadlines.deadline')}>{finding.deadline}</Descriptions.Item>
      </Descriptions>
      <Form layout="vertical">
        <Form.Item label={t('deadlines.extensionDecisionDialog.decision')}>
          <Radio.Group
            aria-label={t('deadlines.extensionDecisionDialog.decision')}
            value={result}
            onChange={(e) => {
              setResult(e.target.value as Result);
              clearError();
            }}
            options={[
              { value: 'granted', label: t('deadlines.extensionDecisionDialog.grant') },
              { value: 'refused', label: t('deadlines.extensionDecisionDialog.refuse') },
            ]}
          />
        </Form.Item>
        {result === 'granted' ? (
          <Form.Item
            label={t('deadlines.extensionDecisionDialog.newDeadline')}
            htmlFor="extension-new-deadline"
          >
            <Input
              id="extension-new-deadline"
              type="date"
              min={earliest}
              value={newDeadline}
              onChange={(e) => setNewDeadline(e.target.value)}
              style={{ maxWidth: 220 }}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          label={t(
            result === 'refused'
              ? 'deadlines.extensionDecisionDialog.refusalComment'
              : 'deadlines.extensionDecisionDialog.comment',
          )}
          htmlFor="extension-comment"
        >
          <Input.TextArea
            id="extension-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </Form.Item>
      </Form>
    </DeadlineDialog>
  );
}
