import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { townCreateSchema, townEditSchema } from '../../../../../domain/schemas/admin';
import type { TownRecord } from '../../../../../domain/schemas/town';
import { townKinds } from '../../../../../domain/schemas/town';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { useRecordForm } from './useRecordForm';
import { KindField } from './KindField';
import { RecordFormModal } from './RecordFormModal';

interface Props {
  client: AdminPeopleClient;
  town: TownRecord | null;
  /** The district's division code, which every town code begins with. */
  districtCode: string | null;
  onClose: (saved: boolean) => void;
}

/** A new town, sub-district or zone; editing keeps its code, which users and enterprises name. */
export function TownFormModal({ client, town, districtCode, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { save, modal } = useRecordForm({
    form,
    record: town,
    createSchema: townCreateSchema,
    editSchema: townEditSchema,
    create: (body) => client.createTown(body),
    edit: (r, body) => client.editTown(r.id, body),
    onClose,
  });
  const submit = () => {
    const { nameEn, code, ...rest } = form.getFieldsValue() as Record<string, string>;
    void save({ ...rest, ...(town ? {} : { code }), ...(nameEn?.trim() ? { nameEn } : {}) });
  };

  return (
    <RecordFormModal
      title={town ? t('admin.towns.edit') : t('admin.towns.create')}
      form={form}
      modal={modal}
      initialValues={{
        code: town?.code ?? districtCode ?? '',
        name: town?.name ?? '',
        nameEn: town?.nameEn ?? '',
        kind: town?.kind ?? 'town',
      }}
      onSave={submit}
    >
      <Form.Item
        name="code"
        label={t('admin.fields.code')}
        extra={t('admin.towns.codeHelp', { district: districtCode ?? '' })}
      >
        <Input disabled={town !== null} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="name" label={t('admin.fields.name')}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('admin.fields.nameEn')}>
        <Input />
      </Form.Item>
      <KindField kinds={townKinds} namesKey="admin.townKinds" />
    </RecordFormModal>
  );
}
