// The kind of a directory record (an agency's bureau, a town's kind), chosen from the domain's
// list with each kind's name in the user's language.
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  kinds: readonly string[];
  /** The i18n key under which each kind's name stands, e.g. admin.agencyKinds. */
  namesKey: string;
}

export function KindField({ kinds, namesKey }: Props) {
  const { t } = useTranslation();
  return (
    <Form.Item name="kind" label={t('admin.fields.kind')}>
      <Select
        aria-label={t('admin.fields.kind')}
        options={kinds.map((k) => ({ value: k, label: t(`${namesKey}.${k}`) }))}
      />
    </Form.Item>
  );
}
