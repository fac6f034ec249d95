import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateContent } from '../../../../../domain/schemas/template';
import { ChecklistItemText } from '../../inspections/ChecklistItemText';

interface Props {
  content: TemplateContent;
}

/** The checklist as an inspector will see it: sections, items, criteria and legal bases. */
export function TemplatePreview({ content }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} aria-label={t('adminTemplates.preview')} role="region">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {content.title}
      </Typography.Title>
      {content.sections.map((section) => (
        <section key={section.title}>
          <Typography.Title level={5}>{section.title}</Typography.Title>
          {section.items.map((item) => (
            <Flex
              key={item.id}
              vertical
              gap={4}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <ChecklistItemText item={item} />
              {item.defectText ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('adminTemplates.defectShown', { text: item.defectText })}
                </Typography.Text>
              ) : null}
            </Flex>
          ))}
        </section>
      ))}
    </Flex>
  );
}
