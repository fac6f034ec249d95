import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shownValue } from './conflict-value';

/** One side of a conflict, readable: text as written, structured values as indented JSON. */
export function ConflictValue({ value }: { value: unknown }) {
  const { t } = useTranslation();
  const shown = shownValue(value);
  if (shown.kind === 'empty') {
    return <Typography.Text type="secondary">{t('conflicts.emptyValue')}</Typography.Text>;
  }
  if (shown.kind === 'text') {
    return <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{shown.text}</Typography.Text>;
  }
  return (
    <pre style={{ margin: 0, maxHeight: 240, overflow: 'auto', fontSize: 12 }}>{shown.text}</pre>
  );
}
