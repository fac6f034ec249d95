import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordResetSchema } from '../../../../../domain/schemas/admin';
import type { AdminUser } from '../../../../../domain/schemas/admin-people-views';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { useFormSave } from '../directory/useFormSave';
import { parseIntoForm } from '../directory/zod-fields';
import { AdminFormModal } from '../directory/AdminFormModal';

interface Props {
  client: AdminPeopleClient;
  user: AdminUser;
  onClose: (revokedSessions: number | null) => void;
}

/** A new first password for a user: every session of theirs ends, and they change it at sign-in. */
export function ResetPasswordModal({ client, user, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const { saving, failure, clearFailure, send } = useFormSave(form);

  async function save() {
    clearFailure();
    const body = parseIntoForm(form, passwordResetSchema, form.getFieldsValue(), t, i18n);
    if (!body) return;
    let ended = 0;
    const saved = await send(async () => {
      ended = await client.resetPassword(user.id, body.password);
    });
    if (saved) onClose(ended);
  }

  return (
    <AdminFormModal
      title={t('admin.users.resetTitle', { name: user.displayName })}
      okText={t('admin.users.reset')}
      saving={saving}
      failure={failure}
      onSave={() => void save()}
      onCancel={() => onClose(null)}
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
      </Form>
    </AdminFormModal>
  );
}
