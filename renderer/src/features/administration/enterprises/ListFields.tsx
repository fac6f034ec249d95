import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Column {
  field: string;
  kind?: 'text' | 'number' | 'date';
  width?: number;
}

interface Props {
  /** The list's form field: contacts, chemicals or trackMilestones. */
  name: string;
  columns: Column[];
  blank: Record<string, unknown>;
}

/** A list of records within the form (contacts, chemicals, milestones), one line each. */
export function ListFields({ name, columns, blank }: Props) {
  const { t } = useTranslation();
  const label = (field: string) => t(`adminEnterprises.fields.${name}_${field}`);
  const input = (c: Column, aria: string): ReactNode =>
    c.kind === 'number' ? (
      <InputNumber
        aria-label={aria}
        placeholder={label(c.field)}
        min={0}
        style={{ width: c.width ?? 140 }}
      />
    ) : (
      <Input
        aria-label={aria}
        placeholder={label(c.field)}
        type={c.kind === 'date' ? 'date' : 'text'}
        style={{ width: c.width ?? 160 }}
      />
    );
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={4}>
          {rows.map((row, i) => (
            <Flex key={row.key} gap={6} align="start" wrap>
              {columns.map((c) => (
                <Form.Item key={c.field} name={[row.name, c.field]} style={{ marginBottom: 4 }}>
                  {input(c, t('adminEnterprises.rowField', { field: label(c.field), n: i + 1 }))}
                </Form.Item>
              ))}
              <Button
                icon={<DeleteOutlined />}
                danger
                aria-label={t('adminEnterprises.removeRow', {
                  list: t(`adminEnterprises.fields.${name}`),
                  n: i + 1,
                })}
                onClick={() => remove(row.name)}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add(blank)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('adminEnterprises.addRow', { list: t(`adminEnterprises.fields.${name}`) })}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
