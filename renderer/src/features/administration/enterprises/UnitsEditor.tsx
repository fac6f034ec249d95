import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Collapse, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitKinds } from '../../../../../domain/schemas/hazard-unit';
import type { EnterpriseFormValues } from './enterprise-form-values';
import type { UnitFormValues } from './unit-form-values';
import { blankUnit } from './unit-form-values';
import { UnitGradingPreview } from './UnitGradingPreview';
import { UnitHoldings } from './UnitHoldings';

interface Props {
  form: FormInstance<EnterpriseFormValues>;
  /** Units with a problem after a save was tried: they are opened to show it. */
  problemUnits: readonly number[];
}

/**
 * The enterprise's units as GB 18218 grades them: a collapsible card each, with its kind, name,
 * position and people within 500 m, its holdings, and its grading as entered in the header.
 */
export function UnitsEditor({ form, problemUnits }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number[]>([]);
  useEffect(() => {
    if (problemUnits.length > 0) setOpen((o) => [...new Set([...o, ...problemUnits])]);
  }, [problemUnits]);
  const label = (field: string) => t(`adminEnterprises.units.${field}`);
  const aria = (field: string, unit: number) =>
    t('adminEnterprises.units.unitField', { field: label(field), unit: unit + 1 });

  return (
    <Form.List name="units">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.length > 0 ? (
            <Collapse
              size="small"
              activeKey={open.map(String)}
              onChange={(keys) => setOpen((Array.isArray(keys) ? keys : [keys]).map(Number))}
              items={rows.map((row, i) => ({
                key: String(i),
                forceRender: true,
                label: (
                  <Form.Item
                    noStyle
                    dependencies={[
                      ['units', row.name, 'name'],
                      ['units', row.name, 'kind'],
                    ]}
                  >
                    {() => {
                      const u = form.getFieldValue(['units', row.name]) as
                        UnitFormValues | undefined;
                      const name =
                        u?.name?.trim() || t('adminEnterprises.units.unnamed', { n: i + 1 });
                      return `${name} · ${t(`adminEnterprises.units.kinds.${u?.kind ?? 'other'}`)}`;
                    }}
                  </Form.Item>
                ),
                extra: <UnitGradingPreview form={form} unit={row.name} />,
                children: (
                  <Flex vertical gap={4}>
                    <Row gutter={8}>
                      <Col span={8}>
                        <Form.Item name={[row.name, 'kind']} label={label('kind')}>
                          <Select
                            aria-label={aria('kind', i)}
                            options={unitKinds.map((k) => ({
                              value: k,
                              label: t(`adminEnterprises.units.kinds.${k}`),
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item name={[row.name, 'name']} label={label('name')}>
                          <Input aria-label={aria('name', i)} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[row.name, 'peopleWithin500m']} label={label('people')}>
                          <InputNumber
                            aria-label={aria('people', i)}
                            min={0}
                            precision={0}
                            placeholder={label('peoplePlaceholder')}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[row.name, 'lon']} label={label('lon')}>
                          <InputNumber
                            aria-label={aria('lon', i)}
                            min={-180}
                            max={180}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[row.name, 'lat']} label={label('lat')}>
                          <InputNumber
                            aria-label={aria('lat', i)}
                            min={-90}
                            max={90}
                            style={{ width: '100%' }}
                          />
                        </Form.Item>
                      </Col>
                    </Row>
                    <UnitHoldings form={form} unit={row.name} />
                    <Button
                      danger
                      icon={<DeleteOutlined />}
                      style={{ alignSelf: 'flex-end' }}
                      onClick={() => {
                        remove(row.name);
                        setOpen((o) => o.filter((k) => k !== i).map((k) => (k > i ? k - 1 : k)));
                      }}
                    >
                      {t('adminEnterprises.units.removeUnit', { n: i + 1 })}
                    </Button>
                  </Flex>
                ),
              }))}
            />
          ) : null}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              add(blankUnit());
              setOpen((o) => [...o, rows.length]);
            }}
            style={{ alignSelf: 'flex-start' }}
          >
            {label('addUnit')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
