import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { agencyCreateSchema, agencyEditSchema } from '../../../../../domain/schemas/admin';
import type { Agency } from '../../../../../domain/schemas/agency';
import { agencyKinds } from '../../../../../domain/schemas/agency';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { useRecordForm } from './useRecordForm';
import { KindField } from './KindField';
import { RecordFormModal } from './RecordFormModal';

interface Props {
  client: AdminPeopleClient;
  /** The agency edited, or null for a new one. */
  agency: Agency | null;
  onClose: (saved: boolean) => void;
}

/** A new agency, or an agency's full name, short name (document numbers) and kind. */
export function AgencyFormModal({ client, agency, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { save, modal } = useRecordForm({
    form,
    record: agency,
    createSchema: agencyCreateSchema,
    editSchema: agencyEditSchema,
    create: (body) => client.createAgency(body),
    edit: (r, body) => client.editAgency(r.id, body),
    onClose,
  });
  const submit = () => void save(form.getFieldsValue());

  return (
    <RecordFormModal
      title={agency ? t('admin.agencies.edit') : t('admin.agencies.create')}
      form={form}
      modal={modal}
      initialValues={{
        name: agency?.name ?? '',
        shortName: agency?.shortName ?? '',
        kind: agency?.kind ?? 'safety',
      }}
      onSave={submit}
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
      <KindField kinds={agencyKinds} namesKey="admin.agencyKinds" />
    </RecordFormModal>
  );
}
