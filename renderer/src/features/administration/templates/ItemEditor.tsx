import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../../domain/schemas/template';

interface Props {
  item: TemplateItem;
  /** The item's place, for labels: "2.3". */
  number: string;
  onChange: (item: TemplateItem) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  canRemove: boolean;
}

/** The item without an optional field (cleared in the form: absent, not empty). */
function without(item: TemplateItem, field: 'majorCriterion' | 'defectText'): TemplateItem {
  const copy = { ...item };
  delete copy[field];
  return copy;
}

/** One checklist item: its text, legal basis, major criterion and the defect a failure names. */
export function ItemEditor({ item, number, onChange, onMove, onRemove, canRemove }: Props) {
  const { t } = useTranslation();
  const label = (field: string) =>
    t('adminTemplates.itemField', { number, field: t(`adminTemplates.item.${field}`) });
  const withoutCriterion = without(item, 'majorCriterion');
  const withoutDefect = without(item, 'defectText');
  return (
    <Flex vertical gap={4} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex gap={8} align="center">
        <Typography.Text strong style={{ width: 48 }}>
          {number}
        </Typography.Text>
        <Input.TextArea
          aria-label={label('text')}
          placeholder={t('adminTemplates.item.text')}
          value={item.text}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          onChange={(e) => onChange({ ...item, text: e.target.value })}
        />
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={t('adminTemplates.moveItemUp', { number })}
          onClick={() => onMove(-1)}
        />
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={t('adminTemplates.moveItemDown', { number })}
          onClick={() => onMove(1)}
        />
        <Button
          size="small"
          danger
          disabled={!canRemove}
          icon={<DeleteOutlined />}
          aria-label={t('adminTemplates.removeItem', { number })}
          onClick={onRemove}
        />
      </Flex>
      <Flex gap={8} style={{ paddingLeft: 56 }} wrap>
        <Input
          aria-label={label('legalBasis')}
          placeholder={t('adminTemplates.item.legalBasis')}
          value={item.legalBasis}
          maxLength={500}
          onChange={(e) => onChange({ ...item, legalBasis: e.target.value })}
          style={{ flex: '2 1 280px' }}
        />
        <InputNumber<number>
          aria-label={label('majorCriterion')}
          placeholder={t('adminTemplates.item.majorCriterion')}
          min={1}
          max={20}
          precision={0}
          value={item.majorCriterion ?? null}
          onChange={(value) =>
            onChange(value === null ? withoutCriterion : { ...item, majorCriterion: value })
          }
          style={{ width: 150 }}
        />
        <Input
          aria-label={label('defectText')}
          placeholder={t('adminTemplates.defectPlaceholder')}
          value={item.defectText ?? ''}
          maxLength={200}
          onChange={(e) => {
            const text = e.target.value;
            onChange(text === '' ? withoutDefect : { ...item, defectText: text });
          }}
          style={{ flex: '1 1 220px' }}
        />
      </Flex>
    </Flex>
  );
}
