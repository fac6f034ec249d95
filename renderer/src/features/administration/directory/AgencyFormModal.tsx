import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { agencyCreateSchema, agencyEditSchema } from '../../../../../domain/schemas/admin';
import type { Agency } from '../../../../../domain/schemas/agency';
import { agencyKinds } from '../../../../../domain/schemas/agency';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { useFormSave } from './useFormSave';
import { parseIntoForm } from './zod-fields';
import { AdminFormModal } from './AdminFormModal';

interface Props {
  client: AdminPeopleClient;
  /** The agency edited, or null for a new one. */
  agency: Agency | null;
  onClose: (saved: boolean) => void;
}

/** A new agency, or an agency's full name, short name (document numbers) and kind. */
export function AgencyFormModal({ client, agency, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const { saving, failure, clearFailure, send } = useFormSave(form);

  async function save() {
    clearFailure();
    const values: unknown = form.getFieldsValue();
    const schema = agency ? agencyEditSchema : agencyCreateSchema;
    const body = parseIntoForm(form, schema, values, t, i18n);
    if (!body) return;
    const saved = await send(async () => {
      if (agency) await client.editAgency(agency.id, body);
      else await client.createAgency(agencyCreateSchema.parse(body));
    });
    if (saved) onClose(true);
  }

  return (
    <AdminFormModal
      title={agency ? t('admin.agencies.edit') : t('admin.agencies.create')}
      saving={saving}
      failure={failure}
      onSave={() => void save()}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: agency?.name ?? '',
          shortName: agency?.shortName ?? '',
          kind: agency?.kind ?? 'safety',
        }}
        onFinish={() => void save()}
      >
        <Form.Item name="name" label={t('admin.fields.name')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('admin.fields.shortName')}
          extra={t('admin.agencies.shortNameHelp')}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.fields.kind')}>
          <Select
            aria-label={t('admin.fields.kind')}
            options={agencyKinds.map((k) => ({ value: k, label: t(`admin.agencyKinds.${k}`) }))}
          />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
