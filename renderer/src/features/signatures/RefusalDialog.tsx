import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  onCancel(): void;
  onConfirm(reason: string): Promise<void> | void;
}

/** Records that the representative refused to sign; the reason is required (拒绝签字). */
export function RefusalDialog({ open, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const blank = reason.trim() === '';
  return (
    <Modal
      open={open}
      title={t('signatures.refusalTitle')}
      okText={t('signatures.recordRefusal')}
      cancelText={t('signatures.cancel')}
      onCancel={onCancel}
      onOk={async () => {
        setTried(true);
        if (!blank) await onConfirm(reason);
      }}
      destroyOnHidden
    >
      <label htmlFor="refusal-reason">{t('signatures.refusalReason')}</label>
      <Input.TextArea
        id="refusal-reason"
        value={reason}
        maxLength={500}
        rows={3}
        status={tried && blank ? 'error' : undefined}
        aria-invalid={tried && blank}
        aria-describedby={tried && blank ? 'refusal-reason-error' : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {tried && blank ? (
        <Typography.Text type="danger" id="refusal-reason-error">
          {t('signatures.refusalReasonRequired')}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}
