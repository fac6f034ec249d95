import { App, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../session/session-context';
import { approveInspections } from '../../db/repositories/reviews';

interface Props {
  selected: readonly string[];
  /** Called after the approvals are saved, with the ids that were approved. */
  onDone(approved: string[]): void;
}

/** "Approve selected": one confirmation, then every approval saved with its outbox row. */
export function BulkApprove({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const { db, session, engine } = useProfile();
  const { message } = App.useApp();
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const count = selected.length;

  const approve = async () => {
    setSaving(true);
    try {
      const result = await approveInspections(db, selected, session.user);
      const skipped = result.skipped.length;
      const done = t('reviewQueue.bulkDone', { count: result.approved.length });
      void message.success(
        skipped > 0 ? `${done} ${t('reviewQueue.bulkSkipped', { count: skipped })}` : done,
      );
      setConfirming(false);
      onDone(result.approved);
      void engine.syncNow();
    } catch {
      void message.error(t('reviewQueue.bulkFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button type="primary" disabled={count === 0} onClick={() => setConfirming(true)}>
        {t('reviewQueue.approveSelected', { count })}
      </Button>
      <Modal
        open={confirming}
        title={t('reviewQueue.confirmTitle', { count })}
        okText={t('reviewQueue.confirmOk')}
        cancelText={t('reviewQueue.cancel')}
        confirmLoading={saving}
        onOk={() => void approve()}
        onCancel={() => setConfirming(false)}
      >
        {t('reviewQueue.confirmBody')}
      </Modal>
    </>
  );
}
