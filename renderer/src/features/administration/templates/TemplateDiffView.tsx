import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateDiff } from '../../../sync/admin-content-client';

interface Props {
  diff: TemplateDiff;
}

const shown = (value: string | number | null, none: string) =>
  value === null ? none : String(value);

/** What changed between two versions of a checklist, in words. */
export function TemplateDiffView({ diff }: Props) {
  const { t } = useTranslation();
  if (diff.same) return <Empty description={t('adminTemplates.diff.same')} />;
  const none = t('adminTemplates.diff.none');
  const lines: string[] = [];
  if (diff.title) lines.push(t('adminTemplates.diff.title', diff.title));
  if (diff.agencyKind) {
    lines.push(
      t('adminTemplates.diff.agencyKind', {
        before: t(`adminTemplates.agencyKinds.${diff.agencyKind.before}`),
        after: t(`adminTemplates.agencyKinds.${diff.agencyKind.after}`),
      }),
    );
  }
  for (const s of diff.sectionsAdded) lines.push(t('adminTemplates.diff.sectionAdded', { s }));
  for (const s of diff.sectionsRemoved) lines.push(t('adminTemplates.diff.sectionRemoved', { s }));
  for (const { section, item } of diff.itemsAdded) {
    lines.push(t('adminTemplates.diff.itemAdded', { section, text: item.text }));
  }
  for (const { section, item } of diff.itemsRemoved) {
    lines.push(t('adminTemplates.diff.itemRemoved', { section, text: item.text }));
  }
  for (const change of diff.itemsChanged) {
    for (const [field, values] of Object.entries(change.fields)) {
      lines.push(
        t('adminTemplates.diff.itemChanged', {
          id: change.itemId,
          field: t(`adminTemplates.item.${field}`),
          before: shown(values.before, none),
          after: shown(values.after, none),
        }),
      );
    }
    if (change.moved) {
      lines.push(t('adminTemplates.diff.itemMoved', { id: change.itemId, ...change.moved }));
    }
  }
  return (
    <Flex vertical>
      <Typography.Text type="secondary">
        {t('adminTemplates.diff.count', { count: lines.length })}
      </Typography.Text>
      <ul style={{ maxHeight: 420, overflowY: 'auto', paddingInlineStart: 20 }}>
        {lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </Flex>
  );
}
