import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  onCancel(): void;
  onConfirm(comment: string): Promise<void>;
}

/** Asks for the comment a returned inspection must carry. */
export function ReturnModal({ open, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const missing = comment.trim() === '';
  return (
    <Modal
      open={open}
      title={t('reviewDecision.returnTitle')}
      okText={t('reviewDecision.confirmReturn')}
      cancelText={t('reviewDecision.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      afterClose={() => {
        setComment('');
        setTouched(false);
      }}
      onCancel={onCancel}
      onOk={async () => {
        setTouched(true);
        if (missing) return;
        setSaving(true);
        try {
          await onConfirm(comment.trim());
        } finally {
          setSaving(false);
        }
      }}
    >
      <Form layout="vertical">
        <Form.Item
          label={t('reviewDecision.comment')}
          htmlFor="review-comment"
          validateStatus={touched && missing ? 'error' : ''}
          help={touched && missing ? t('reviewDecision.commentRequired') : undefined}
        >
          <Input.TextArea
            id="review-comment"
            rows={4}
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
