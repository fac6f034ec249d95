import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

export type InspectionShow = 'all' | 'returned';

/** Switches the inspection list between everything and what supervisors have returned. */
export function ReturnedFilter({
  value,
  returnedCount,
  onChange,
}: {
  value: InspectionShow;
  returnedCount: number;
  onChange(value: InspectionShow): void;
}) {
  const { t } = useTranslation();
  return (
    <Segmented<InspectionShow>
      aria-label={t('returned.filter')}
      value={value}
      onChange={onChange}
      options={[
        { value: 'all', label: t('returned.all') },
        { value: 'returned', label: t('returned.onlyReturned', { count: returnedCount }) },
      ]}
    />
  );
}
