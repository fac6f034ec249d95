// Adds a Table 1 row or corrects a Table 1 or Table 2 row of the edition being edited, checked
// with the table's own row schema before it joins the edits (the table as a whole is checked by
// the server when published).
import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import type { Table1Row, Table2Row } from '../../../../../domain/data/gb18218-table-schema';
import { translateValidation } from '../../../i18n/i18n';
import { useProfile } from '../../../session/session-context';
import { AdminFormModal } from '../directory/AdminFormModal';
import type { BetaRuleKind, Table1Values, Table2Values } from './row-editor-values';
import {
  fieldOfPath,
  newTable1RowId,
  table1RowFrom,
  table1Values,
  table2RowFrom,
  table2Values,
  withRow,
} from './row-editor-values';

export type RowEdit =
  { part: 'table1'; row: Table1Row | null } | { part: 'table2'; row: Table2Row };

interface Props {
  table: Gb18218Table;
  edit: RowEdit;
  onSave: (table: Gb18218Table) => void;
  onCancel: () => void;
}

const betaRules: readonly BetaRuleKind[] = ['table4', 'table3', 'unclassified'];

export function RowEditorModal({ table, edit, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const me = useProfile().session.user.id;
  const [form] = Form.useForm();
  const rule = Form.useWatch('betaRule', form) as BetaRuleKind | undefined;
  const isTable1 = edit.part === 'table1';

  function save() {
    const values = form.getFieldsValue(true) as Table1Values & Table2Values;
    // A placeholder: the server stamps the row with the publisher, its time and the reason.
    const change = { by: me, at: new Date().toISOString(), reason: values.reference || '-' };
    const parsed =
      edit.part === 'table1'
        ? table1RowFrom(
            values,
            edit.row ?? undefined,
            edit.row?.id ?? newTable1RowId(table),
            change,
          )
        : table2RowFrom(values, edit.row, change);
    if (!parsed.success) {
      const byField = new Map<string, string[]>();
      for (const issue of parsed.error.issues) {
        const name = fieldOfPath(issue.path);
        byField.set(name, [
          ...(byField.get(name) ?? []),
          translateValidation(t, i18n, issue.message),
        ]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      return;
    }
    onSave(
      edit.part === 'table1'
        ? withRow(table, 'table1', parsed.data as Table1Row)
        : withRow(table, 'table2', parsed.data as Table2Row),
    );
  }

  const title =
    edit.part === 'table2'
      ? t('adminGb18218.editor.correctCode', { code: edit.row.code })
      : edit.row
        ? t('adminGb18218.editor.correctRow', { id: edit.row.id })
        : t('adminGb18218.editor.addRow');

  return (
    <AdminFormModal
      title={title}
      okText={t('adminGb18218.editor.keep')}
      width={640}
      saving={false}
      failure={null}
      onSave={save}
      onCancel={onCancel}
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={
          edit.part === 'table1' ? table1Values(edit.row ?? undefined) : table2Values(edit.row)
        }
        onFinish={save}
      >
        <Form.Item name="nameZh" label={t('adminGb18218.fields.nameZh')}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('adminGb18218.fields.nameEn')}>
          <Input />
        </Form.Item>
        {isTable1 ? (
          <>
            <Form.Item
              name="aliasesZh"
              label={t('adminGb18218.fields.aliasesZh')}
              extra={t('adminGb18218.editor.aliasesHelp')}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="cas"
              label={t('adminGb18218.fields.cas')}
              extra={t('adminGb18218.editor.casHelp')}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="variant"
              label={t('adminGb18218.fields.variant')}
              extra={t('adminGb18218.editor.variantHelp')}
            >
              <Input />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="Q" label={t('adminGb18218.fields.Q')}>
          <Input inputMode="decimal" />
        </Form.Item>
        {isTable1 ? (
          <>
            <Form.Item name="betaRule" label={t('adminGb18218.fields.betaRule')}>
              <Select
                aria-label={t('adminGb18218.fields.betaRule')}
                options={betaRules.map((r) => ({
                  value: r,
                  label: t(`adminGb18218.betaRules.${r}`),
                }))}
              />
            </Form.Item>
            {rule === 'table3' ? (
              <Form.Item name="betaGas" label={t('adminGb18218.fields.betaGas')}>
                <Select
                  aria-label={t('adminGb18218.fields.betaGas')}
                  options={table.table3.map((g) => ({
                    value: g.id,
                    label: `${g.nameZh}（β = ${String(g.beta)}）`,
                  }))}
                />
              </Form.Item>
            ) : null}
            {rule === 'table4' ? (
              <Form.Item name="betaCode" label={t('adminGb18218.fields.betaCode')}>
                <Select
                  aria-label={t('adminGb18218.fields.betaCode')}
                  options={table.table4.map((c) => ({
                    value: c.code,
                    label: `${c.code}（β = ${String(c.beta)}）`,
                  }))}
                />
              </Form.Item>
            ) : null}
            {rule === 'table3' ? null : (
              <>
                <Form.Item name="basisZh" label={t('adminGb18218.fields.basisZh')}>
                  <Input />
                </Form.Item>
                <Form.Item name="basisEn" label={t('adminGb18218.fields.basisEn')}>
                  <Input />
                </Form.Item>
              </>
            )}
          </>
        ) : null}
        <Form.Item
          name="reference"
          label={t('adminGb18218.fields.reference')}
          extra={t('adminGb18218.editor.referenceHelp')}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="clearFlags" valuePropName="checked">
          <Checkbox>{t('adminGb18218.editor.clearFlags')}</Checkbox>
        </Form.Item>
      </Form>
    </AdminFormModal>
  );
}
