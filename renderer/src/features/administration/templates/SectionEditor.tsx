import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateContent } from '../../../../../domain/schemas/template';
import { ItemEditor } from './ItemEditor';
import { edits } from './template-content-edits';

interface Props {
  content: TemplateContent;
  index: number;
  onChange: (next: TemplateContent) => void;
}

/** One section of a draft: its title and its items, each editable, movable and removable. */
export function SectionEditor({ content, index, onChange }: Props) {
  const { t } = useTranslation();
  const section = content.sections[index];
  if (!section) return null;
  const n = index + 1;
  return (
    <Card
      size="small"
      title={
        <Input
          aria-label={t('adminTemplates.sectionTitle', { n })}
          value={section.title}
          maxLength={200}
          onChange={(e) => onChange(edits.setSectionTitle(content, index, e.target.value))}
          style={{ maxWidth: 480 }}
        />
      }
      extra={
        <Flex gap={4}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('adminTemplates.moveSectionUp', { n })}
            onClick={() => onChange(edits.moveSection(content, index, -1))}
          />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('adminTemplates.moveSectionDown', { n })}
            onClick={() => onChange(edits.moveSection(content, index, 1))}
          />
          <Button
            size="small"
            danger
            disabled={content.sections.length === 1}
            icon={<DeleteOutlined />}
            aria-label={t('adminTemplates.removeSection', { n })}
            onClick={() => onChange(edits.removeSection(content, index))}
          />
        </Flex>
      }
    >
      {section.items.map((item, i) => (
        <ItemEditor
          key={item.id}
          item={item}
          number={`${n}.${i + 1}`}
          canRemove={section.items.length > 1}
          onChange={(next) => onChange(edits.setItem(content, index, i, next))}
          onMove={(by) => onChange(edits.moveItem(content, index, i, by))}
          onRemove={() => onChange(edits.removeItem(content, index, i))}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange(edits.addItem(content, index))}
        style={{ marginTop: 8 }}
      >
        {t('adminTemplates.addItem')}
      </Button>
    </Card>
  );
}
