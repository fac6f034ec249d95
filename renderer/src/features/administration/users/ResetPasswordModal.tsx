import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordResetSchema } from '../../../../../domain/schemas/admin';
import type { AdminUser } from '../../../../../domain/schemas/admin-people-views';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { refusalText } from '../directory/refusal-text';
import { parseIntoForm } from '../directory/zod-fields';

interface Props {
  client: AdminPeopleClient;
  user: AdminUser;
  onClose: (revokedSessions: number | null) => void;
}

/** A new first password for a user: every session of theirs ends, and they change it at sign-in. */
export function ResetPasswordModal({ client, user, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save() {
    setFailure(null);
    const body = parseIntoForm(form, passwordResetSchema, form.getFieldsValue(), t, i18n);
    if (!body) return;
    setSaving(true);
    try {
      onClose(await client.resetPassword(user.id, body.password));
    } catch (error) {
      setFailure(refusalText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('admin.users.resetTitle', { name: user.displayName })}
      okText={t('admin.users.reset')}
      cancelText={t('admin.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => onClose(null)}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('admin.users.resetConsequence')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ password: '' }}
        onFinish={() => void save()}
      >
        <Form.Item name="password" label={t('admin.fields.password')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
      </Form>
    </Modal>
  );
}
