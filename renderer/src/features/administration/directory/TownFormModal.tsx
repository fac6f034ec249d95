import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { townCreateSchema, townEditSchema } from '../../../../../domain/schemas/admin';
import type { TownRecord } from '../../../../../domain/schemas/town';
import { townKinds } from '../../../../../domain/schemas/town';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { useFormSave } from './useFormSave';
import { parseIntoForm } from './zod-fields';
import { AdminFormModal } from './AdminFormModal';

interface Props {
  client: AdminPeopleClient;
  town: TownRecord | null;
  /** The district's division code, which every town code begins with. */
  districtCode: string | null;
  onClose: (saved: boolean) => void;
}

/** A new town, sub-district or zone; editing keeps its code, which users and enterprises name. */
export function TownFormModal({ client, town, districtCode, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const { saving, failure, clearFailure, send } = useFormSave(form);

  async function save() {
    clearFailure();
    const raw = form.getFieldsValue() as Record<string, string>;
    const { nameEn, code, ...rest } = raw;
    const values = {
      ...rest,
      ...(town ? {} : { code }),
      ...(nameEn?.trim() ? { nameEn } : {}),
    };
    const body = parseIntoForm(form, town ? townEditSchema : townCreateSchema, values, t, i18n);
    if (!body) return;
    const saved = await send(async () => {
      if (town) await client.editTown(town.id, body);
      else await client.createTown(townCreateSchema.parse(body));
    });
    if (saved) onClose(true);
  }

  return (
    <AdminFormModal
      title={town ? t('admin.towns.edit') : t('admin.towns.create')}
      saving={saving}
      failure={failure}
      onSave={() => void save()}
      onCancel={() => onClose(false)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          code: town?.code ?? districtCode ?? '',
          name: town?.name ?? '',
          nameEn: town?.nameEn ?? '',
          kind: town?.kind ?? 'town',
        }}
        onFinish={() => void save()}
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
        <Form.Item name="kind" label={t('admin.fields.kind')}>
          <Select
            aria-label={t('admin.fields.kind')}
            options={townKinds.map((k) => ({ value: k, label: t(`admin.townKinds.${k}`) }))}
          />
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
