import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionProblem } from '../../../../domain/rules/submission';
import { useProfile } from '../../session/session-context';
import { submitInspection } from '../../db/repositories/inspection-signing';
import { formatDateTime } from '../common/format-date';
import { useLocalWrite } from '../signatures/useLocalWrite';
import { AmendmentsPanel } from './AmendmentsPanel';
import { itemTexts, problemText } from './problem-text';
import type { InspectionClosing } from './useInspectionClosing';

/**
 * Submission: what is still missing, in plain words, and Submit only when nothing is. Once
 * submitted the record is locked and this panel shows its amendments instead.
 */
export function SubmissionPanel({ closing }: { closing: InspectionClosing }) {
  const { t, i18n } = useTranslation();
  const { db } = useProfile();
  const write = useLocalWrite();
  const [submitting, setSubmitting] = useState(false);
  const [refused, setRefused] = useState<SubmissionProblem[] | null>(null);
  const { inspection, problems, templates, users } = closing;
  const items = useMemo(() => itemTexts(templates), [templates]);

  if (inspection.status === 'submitted') {
    return (
      <Flex vertical gap={16}>
        <Alert
          type="success"
          showIcon
          title={t('submission.submitted', {
            at: formatDateTime(inspection.finishedAt, i18n.language),
          })}
          description={t('submission.locked')}
        />
        <AmendmentsPanel closing={closing} />
      </Flex>
    );
  }

  const submit = async () => {
    setSubmitting(true);
    const result = await write(() => submitInspection(db, inspection.id));
    setSubmitting(false);
    setRefused(result && !result.ok ? result.problems : null);
  };

  const shown = refused ?? problems;
  return (
    <Card title={t('submission.title')} size="small">
      <Flex vertical gap={12} align="start">
        {shown.length === 0 ? (
          <Typography.Text type="success">{t('submission.ready')}</Typography.Text>
        ) : (
          <>
            <Typography.Text strong id="submission-missing">
              {t('submission.missing', { count: shown.length })}
            </Typography.Text>
            <ul aria-labelledby="submission-missing" style={{ margin: 0, paddingInlineStart: 20 }}>
              {shown.map((problem, i) => (
                <li key={`${problem.code}:${i}`}>
                  {problemText(t, problem, { templates, users }, items)}
                </li>
              ))}
            </ul>
          </>
        )}
        <Button
          type="primary"
          disabled={problems.length > 0}
          loading={submitting}
          onClick={() => void submit()}
        >
          {t('submission.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
