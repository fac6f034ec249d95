import { Alert, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  saving: boolean;
  error: string | null;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** The frame of a deadline dialog: its form, Save and Cancel, and the error below the form. */
export function DeadlineDialog({ title, saving, error, onSave, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={t('deadlines.save')}
      cancelText={t('deadlines.cancel')}
      confirmLoading={saving}
      onOk={onSave}
      onCancel={onClose}
      destroyOnHidden
    >
      {children}
      {error ? <Alert type="error" role="alert" showIcon title={error} /> : null}
    </Modal>
  );
}

/** The free-text note both deadline dialogs record with the entry. */
export function NoteField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (note: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('deadlines.note')} htmlFor={id}>
      <Input.TextArea id={id} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
    </Form.Item>
  );
}
