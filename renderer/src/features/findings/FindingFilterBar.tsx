import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTownOptions } from '../../session/useTowns';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';
import type { Grade } from '../../../../domain/schemas/finding';
import type { FindingFilters } from './finding-filters';

interface Props {
  value: FindingFilters;
  onChange: (value: FindingFilters) => void;
}

const statuses: readonly EffectiveStatus[] = ['open', 'overdue', 'rectified', 'closed'];
const grades: readonly Grade[] = ['general', 'major'];

/** Text, status, grade and town filters of the hazard list; each is named for screen readers. */
export function FindingFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const townOptions = useTownOptions();
  return (
    <Flex gap={12} wrap align="center" role="group" aria-label={t('findings.filters')}>
      <Input.Search
        allowClear
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
        placeholder={t('findings.search')}
        aria-label={t('findings.search')}
        style={{ maxWidth: 360 }}
      />
      <Select<EffectiveStatus | null>
        aria-label={t('findings.statusFilter')}
        style={{ minWidth: 200 }}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={[
          { value: null, label: t('findings.anyStatus') },
          ...statuses.map((status) => ({ value: status, label: t(`findingStatus.${status}`) })),
        ]}
      />
      <Select<Grade | null>
        aria-label={t('findings.gradeFilter')}
        style={{ minWidth: 140 }}
        value={value.grade}
        onChange={(grade) => onChange({ ...value, grade })}
        options={[
          { value: null, label: t('findings.anyGrade') },
          ...grades.map((grade) => ({ value: grade, label: t(`grade.${grade}`) })),
        ]}
      />
      <Select<string | null>
        aria-label={t('findings.townFilter')}
        style={{ minWidth: 200 }}
        value={value.town}
        onChange={(town) => onChange({ ...value, town })}
        options={[{ value: null, label: t('findings.anyTown') }, ...townOptions]}
      />
    </Flex>
  );
}
