// What a checklist item says, as the inspector and the template's preview both show it: its text,
// the major-hazard criterion it proves (if any) and its legal basis.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../domain/schemas/template';

interface Props {
  item: TemplateItem;
  /** The id of the item's text, for the answer's aria-labelledby. */
  textId?: string;
}

export function ChecklistItemText({ item, textId }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text id={textId}>
        {item.text}
        {item.majorCriterion !== undefined ? (
          <Tag color="red" style={{ marginLeft: 8 }}>
            {t('checklist.major', { n: item.majorCriterion })}
          </Tag>
        ) : null}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('checklist.legalBasis', { text: item.legalBasis })}
      </Typography.Text>
    </>
  );
}
