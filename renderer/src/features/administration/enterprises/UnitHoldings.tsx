import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultGb18218Table } from '../../../../../domain/data/gb18218-table';
import { useGb18218Table } from '../../common/useGb18218Table';
import { physicalStateNames } from '../../../../../domain/data/ghs-class-names';
import { physicalStates } from '../../../../../domain/data/ghs-hazard-classes';
import type { EnterpriseFormValues } from './enterprise-form-values';
import type { HoldingSource } from './unit-form-values';
import { blankHolding, classificationOptions, table1Options } from './unit-form-values';

interface Props {
  form: FormInstance<EnterpriseFormValues>;
  /** The unit's index in the form's units. */
  unit: number;
}

const item = { style: { marginBottom: 4 } };

/**
 * A unit's holdings, one bordered line each: how the substance is identified (a Table 1 row, or
 * hazard classes with an optional CAS), its name and quantity. Lines wrap rather than scroll, so
 * that the drawer fits a 1280×720 screen.
 */
export function UnitHoldings({ form, unit }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  // The rows of the edition in force: a row an administrator added can be chosen.
  const table = useGb18218Table() ?? defaultGb18218Table;
  const table1 = useMemo(
    () => table1Options(table, language, t('adminEnterprises.units.unstatedVariant')),
    [table, language, t],
  );
  const classes = useMemo(() => classificationOptions(language), [language]);
  const states = physicalStates.map((s) => ({ value: s, label: physicalStateNames[s][language] }));
  const label = (field: string) => t(`adminEnterprises.units.${field}`);
  const aria = (field: string, n: number) =>
    t('adminEnterprises.units.holdingField', { field: label(field), unit: unit + 1, n: n + 1 });

  return (
    <Form.List name={[unit, 'holdings']}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={6}>
          {rows.length === 0 ? (
            <Typography.Text type="secondary">{label('noHoldings')}</Typography.Text>
          ) : null}
          {rows.map((row, n) => {
            const path = ['units', unit, 'holdings', row.name] as const;
            return (
              <Flex
                key={row.key}
                vertical
                gap={2}
                style={{ border: '1px solid rgba(5,5,5,0.12)', borderRadius: 6, padding: 6 }}
              >
                <Flex gap={6} wrap align="start">
                  <Form.Item name={[row.name, 'source']} {...item}>
                    <Select<HoldingSource>
                      aria-label={aria('source', n)}
                      style={{ width: 130 }}
                      options={[
                        { value: 'table1', label: label('sourceTable1') },
                        { value: 'classes', label: label('sourceClasses') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[[...path, 'source']]}>
                    {() =>
                      form.getFieldValue([...path, 'source']) === 'table1' ? (
                        <Form.Item
                          name={[row.name, 'table1']}
                          {...item}
                          style={{ ...item.style, flex: 1, minWidth: 220 }}
                        >
                          <Select
                            aria-label={aria('substance', n)}
                            placeholder={label('substancePlaceholder')}
                            showSearch
                            optionFilterProp="search"
                            options={table1}
                            popupMatchSelectWidth={false}
                            onChange={(value: string) => {
                              const chosen = table1.find((o) => o.value === value);
                              // A new choice names the holding after it unless it has a name.
                              if (chosen && !form.getFieldValue([...path, 'name'])) {
                                form.setFieldValue([...path, 'name'], chosen.name);
                              }
                              form.setFieldValue([...path, 'cas'], '');
                            }}
                          />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[row.name, 'classes']}
                          {...item}
                          style={{ ...item.style, flex: 1, minWidth: 220 }}
                        >
                          <Select
                            mode="multiple"
                            aria-label={aria('classes', n)}
                            placeholder={label('classesPlaceholder')}
                            showSearch
                            optionFilterProp="label"
                            options={classes}
                            popupMatchSelectWidth={false}
                          />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item name={[row.name, 'maxQuantityT']} {...item}>
                    <InputNumber
                      aria-label={aria('quantity', n)}
                      placeholder={label('quantity')}
                      min={0}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    danger
                    aria-label={t('adminEnterprises.units.removeHolding', {
                      unit: unit + 1,
                      n: n + 1,
                    })}
                    onClick={() => remove(row.name)}
                  />
                </Flex>
                <Flex gap={6} wrap align="start">
                  <Form.Item name={[row.name, 'name']} {...item}>
                    <Input
                      aria-label={aria('holdingName', n)}
                      placeholder={label('holdingName')}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Form.Item
                    noStyle
                    dependencies={[
                      [...path, 'source'],
                      [...path, 'kept'],
                    ]}
                  >
                    {() =>
                      form.getFieldValue([...path, 'source']) === 'classes' ? (
                        <>
                          <Form.Item name={[row.name, 'cas']} {...item}>
                            <Input
                              aria-label={aria('cas', n)}
                              placeholder={label('cas')}
                              style={{ width: 150 }}
                            />
                          </Form.Item>
                          <Form.Item name={[row.name, 'physicalState']} {...item}>
                            <Select
                              aria-label={aria('physicalState', n)}
                              placeholder={label('physicalState')}
                              allowClear
                              options={states}
                              style={{ width: 110 }}
                            />
                          </Form.Item>
                          <Form.Item name={[row.name, 'boilingPointC']} {...item}>
                            <InputNumber
                              aria-label={aria('boilingPointC', n)}
                              placeholder={label('boilingPointC')}
                              style={{ width: 120 }}
                            />
                          </Form.Item>
                        </>
                      ) : null
                    }
                  </Form.Item>
                  <Form.Item noStyle dependencies={[[...path, 'kept']]}>
                    {() => {
                      const kept = form.getFieldValue([...path, 'kept']) as object | undefined;
                      return kept && Object.keys(kept).length > 0 ? (
                        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
                          {label('kept')}
                        </Typography.Text>
                      ) : null;
                    }}
                  </Form.Item>
                </Flex>
              </Flex>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add(blankHolding())}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('adminEnterprises.units.addHolding', { unit: unit + 1 })}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
