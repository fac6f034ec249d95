import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateValidation } from '../../../i18n/i18n';
import type { SaveState } from './useDraftEditor';

/** Where a problem is, in words: "2.3 Legal basis" for sections.2.items.3.legalBasis. */
function useWhere() {
  const { t } = useTranslation();
  return (path: string) => {
    const parts = path.split('.');
    let section = '';
    let item = '';
    let field = '';
    for (let k = 0; k < parts.length; k += 1) {
      if (parts[k] === 'sections') section = parts[++k] ?? '';
      else if (parts[k] === 'items') item = parts[++k] ?? '';
      else field = parts.slice(k).join('.');
      if (field) break;
    }
    const place = section
      ? item
        ? `${section}.${item}`
        : t('adminTemplates.sectionN', { n: section })
      : '';
    const named = field ? t(`adminTemplates.item.${field}`, { defaultValue: field }) : '';
    return [place, named].filter((x) => x !== '').join(' ');
  };
}

/** Where the draft stands: saved on the server, saving, or why it is not. */
export function SaveStatus({ save }: { save: SaveState }) {
  const { t, i18n } = useTranslation();
  const where = useWhere();
  if (save.status === 'saved' || save.status === 'pending' || save.status === 'saving') {
    return (
      <Typography.Text type="secondary" aria-live="polite">
        {t(`adminTemplates.save.${save.status}`)}
      </Typography.Text>
    );
  }
  if (save.status === 'offline') {
    return <Alert type="warning" showIcon title={t('adminTemplates.save.offline')} />;
  }
  if (save.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('adminTemplates.save.failed', { message: save.message })}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('adminTemplates.save.invalid')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 120, overflowY: 'auto' }}>
          {save.problems.map((p, i) => (
            <li key={i}>
              {t('adminTemplates.problem', {
                path: where(p.path),
                text: i18n.exists(`adminTemplates.problems.${p.code}`)
                  ? t(`adminTemplates.problems.${p.code}`, { value: p.value })
                  : translateValidation(t, i18n, p.code),
              })}
            </li>
          ))}
        </ul>
      }
    />
  );
}
