import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { recordReview } from '../../db/repositories/reviews';
import type { ReviewDecision } from '../../db/repositories/reviews';
import { ReturnModal } from './ReturnModal';

/** Approve or return (with a comment) one submitted inspection. */
export function ReviewActions({
  inspectionId,
  label,
  onDecided,
}: {
  inspectionId: string;
  label: string;
  /** Called once a decision is saved. */
  onDecided?: () => void;
}) {
  const { t } = useTranslation();
  const { db, session, engine } = useProfile();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);

  async function decide(decision: ReviewDecision): Promise<void> {
    try {
      await recordReview(db, inspectionId, decision, session.user);
      void message.success(t(`reviewDecision.${decision.status}`));
      void engine.syncNow();
      onDecided?.();
    } catch {
      void message.error(t('reviewDecision.failed'));
    }
  }

  return (
    <Space>
      <Button
        type="primary"
        aria-label={`${t('reviewDecision.approve')} ${label}`}
        onClick={() => void decide({ status: 'approved', comment: '' })}
      >
        {t('reviewDecision.approve')}
      </Button>
      <Button
        aria-label={`${t('reviewDecision.return')} ${label}`}
        onClick={() => setReturning(true)}
      >
        {t('reviewDecision.return')}
      </Button>
      <ReturnModal
        open={returning}
        onCancel={() => setReturning(false)}
        onConfirm={async (comment) => {
          await decide({ status: 'returned', comment });
          setReturning(false);
        }}
      />
    </Space>
  );
}
