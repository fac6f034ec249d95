// Revising an approved plan: the reason is asked, and the server makes the next revision, a
// draft with the same content to edit and approve.
import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../domain/schemas/plan';
import { planReviseSchema } from '../../../../domain/schemas/plan-requests';
import { translateValidation } from '../../i18n/i18n';
import { AdminFormModal } from '../administration/directory/AdminFormModal';
import { planRefusalText } from './plan-refusal';
import { usePlansClient } from './usePlans';

interface Props {
  plan: Plan;
  onSaved: (draft: Plan) => void;
  onCancel: () => void;
}

export function ReviseModal({ plan, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const client = usePlansClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save() {
    const parsed = planReviseSchema.safeParse({ reason: form.getFieldValue('reason') ?? '' });
    if (!parsed.success) {
      form.setFields([
        {
          name: 'reason',
          errors: parsed.error.issues.map((i) => translateValidation(t, i18n, i.message)),
        },
      ]);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await client.revise(plan.id, parsed.data.reason));
    } catch (error) {
      setFailure(planRefusalText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <AdminFormModal
      title={t('plans.reviseTitle', { year: plan.year, revision: plan.revision })}
      okText={t('plans.revise')}
      saving={saving}
      failure={failure}
      onSave={() => void save()}
      onCancel={onCancel}
    >
      <Typography.Paragraph>{t('plans.reviseExplained')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('plans.fields.reason')}>
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
