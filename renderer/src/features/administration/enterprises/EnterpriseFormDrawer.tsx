import { App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enterprise, EnterpriseInput } from '../../../../../domain/schemas/enterprise';
import { tracks } from '../../../../../domain/schemas/enterprise';
import { translateValidation } from '../../../i18n/i18n';
import { useTowns } from '../../../session/useTowns';
import { townLabel } from '../../../../../domain/schemas/town';
import { messageOf } from '../templates/useAdminContent';
import { changedFieldPaths, checkValues, emptyValues, valuesOf } from './enterprise-form-values';
import type { EnterpriseFormValues } from './enterprise-form-values';
import { ListFields } from './ListFields';
import { UnitsEditor } from './UnitsEditor';

interface Props {
  /** The enterprise edited; null: a new one. */
  enterprise: Enterprise | null;
  onSave: (input: EnterpriseInput) => Promise<unknown>;
  onClose: () => void;
}

/** Creates or edits an enterprise: every field, checked as the server checks it. */
export function EnterpriseFormDrawer({ enterprise, onSave, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const [saving, setSaving] = useState(false);
  const [problemUnits, setProblemUnits] = useState<number[]>([]);
  // Every town of the district, whatever the administrator's own jurisdiction.
  const towns = useTowns().map((town) => ({
    value: town.code,
    label: townLabel(town, i18n.language === 'en' ? 'en' : 'zh'),
  }));
  const label = (field: string) => t(`adminEnterprises.fields.${field}`);
  const problemText = (code: string) =>
    i18n.exists(`adminEnterprises.formProblems.${code}`)
      ? t(`adminEnterprises.formProblems.${code}`)
      : translateValidation(t, i18n, code);

  async function submit(values: EnterpriseFormValues) {
    const checked = checkValues(values);
    if (!checked.ok) {
      form.setFields(
        checked.problems.map((p) => ({ name: p.name as never, errors: [problemText(p.code)] })),
      );
      setProblemUnits(
        checked.problems.flatMap((p) =>
          p.name[0] === 'units' && typeof p.name[1] === 'number' ? [p.name[1]] : [],
        ),
      );
      return;
    }
    setSaving(true);
    try {
      await onSave(checked.input);
      void message.success(t('adminEnterprises.saved', { name: checked.input.name }));
      onClose();
    } catch (error) {
      void message.error(t('adminEnterprises.actionFailed', { message: messageOf(error) }));
    } finally {
      setSaving(false);
    }
  }

  const text = (field: keyof EnterpriseFormValues, span = 12) => (
    <Col span={span}>
      <Form.Item name={field} label={label(field)}>
        <Input />
      </Form.Item>
    </Col>
  );
  const number = (
    field: keyof EnterpriseFormValues,
    props: { min?: number; max?: number; precision?: number },
  ) => (
    <Col span={8}>
      <Form.Item name={field} label={label(field)}>
        <InputNumber {...props} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      open
      size="min(880px, 100vw)"
      title={
        enterprise
          ? t('adminEnterprises.editTitle', { name: enterprise.name })
          : t('adminEnterprises.newTitle')
      }
      onClose={onClose}
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('adminEnterprises.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('adminEnterprises.save')}
          </Button>
        </Flex>
      }
    >
      <Form<EnterpriseFormValues>
        form={form}
        layout="vertical"
        size="small"
        initialValues={enterprise ? valuesOf(enterprise) : emptyValues()}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<EnterpriseFormValues>) =>
          form.setFields(
            changedFieldPaths(changed).map((name) => ({ name: name as never, errors: [] })),
          )
        }
      >
        <Row gutter={12}>
          {text('name')}
          {text('creditCode')}
          {text('address', 16)}
          <Col span={8}>
            <Form.Item name="town" label={label('town')}>
              <Select options={towns} showSearch optionFilterProp="label" />
            </Form.Item>
          </Col>
          {text('industry')}
          <Col span={12}>
            <Form.Item name="track" label={label('track')}>
              <Select options={tracks.map((k) => ({ value: k, label: t(`track.${k}`) }))} />
            </Form.Item>
          </Col>
          {number('lon', { min: -180, max: 180 })}
          {number('lat', { min: -90, max: 90 })}
          {number('peopleWithin500m', { min: 0, precision: 0 })}
        </Row>
        <Form.Item label={label('contacts')}>
          <ListFields
            name="contacts"
            blank={{ name: '', title: '', phone: '' }}
            columns={[{ field: 'name' }, { field: 'title' }, { field: 'phone' }]}
          />
        </Form.Item>
        <Form.Item label={label('units')} extra={t('adminEnterprises.units.explained')}>
          <UnitsEditor form={form} problemUnits={problemUnits} />
        </Form.Item>
        <Form.Item label={label('trackMilestones')}>
          <ListFields
            name="trackMilestones"
            blank={{ title: '', due: '', doneOn: '' }}
            columns={[
              { field: 'title', width: 400 },
              { field: 'due', kind: 'date', width: 150 },
              { field: 'doneOn', kind: 'date', width: 150 },
            ]}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
