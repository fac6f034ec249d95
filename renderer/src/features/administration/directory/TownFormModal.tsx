import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { townCreateSchema, townEditSchema } from '../../../../../domain/schemas/admin';
import type { TownRecord } from '../../../../../domain/schemas/town';
import { townKinds } from '../../../../../domain/schemas/town';
import type { AdminPeopleClient } from '../../../sync/admin-people-client';
import { refusalText } from './refusal-text';
import { markRefusedFields, parseIntoForm } from './zod-fields';

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
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function save() {
    setFailure(null);
    const raw = form.getFieldsValue() as Record<string, string>;
    const { nameEn, code, ...rest } = raw;
    const values = {
      ...rest,
      ...(town ? {} : { code }),
      ...(nameEn?.trim() ? { nameEn } : {}),
    };
    const body = parseIntoForm(form, town ? townEditSchema : townCreateSchema, values, t, i18n);
    if (!body) return;
    setSaving(true);
    try {
      if (town) await client.editTown(town.id, body);
      else await client.createTown(townCreateSchema.parse(body));
      onClose(true);
    } catch (error) {
      markRefusedFields(form, error, t);
      setFailure(refusalText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={town ? t('admin.towns.edit') : t('admin.towns.create')}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => onClose(false)}
      destroyOnHidden
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
        {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
      </Form>
    </Modal>
  );
}
