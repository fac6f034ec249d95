import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { boardStatuses } from '../../../../domain/rules/deadline-board';
import type { StatusCounts } from '../../../../domain/rules/deadline-board';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';

interface Props {
  value: EffectiveStatus | null;
  counts: StatusCounts | undefined;
  onChange: (status: EffectiveStatus | null) => void;
}

const ALL = 'all';

/** The status tabs, each with its count under the other filters; arrow keys move between them. */
export function DeadlineStatusTabs({ value, counts, onChange }: Props) {
  const { t } = useTranslation();
  const label = (key: EffectiveStatus | typeof ALL) => {
    const name = key === ALL ? t('deadlines.all') : t(`findingStatus.${key}`);
    return counts ? t('deadlines.tab', { label: name, count: counts[key] }) : name;
  };
  return (
    <div role="group" aria-label={t('deadlines.statusTabs')}>
      <Segmented<string>
        value={value ?? ALL}
        onChange={(key) => onChange(key === ALL ? null : (key as EffectiveStatus))}
        options={[ALL, ...boardStatuses].map((key) => ({
          value: key,
          label: label(key as EffectiveStatus | typeof ALL),
        }))}
      />
    </div>
  );
}
