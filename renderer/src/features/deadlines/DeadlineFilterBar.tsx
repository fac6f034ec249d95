import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTownOptions } from '../../session/useTowns';
import type { DeadlineBoardFilter } from '../../../../domain/rules/deadline-board';
import { findingCategories } from '../../../../domain/schemas/finding';
import type { FindingCategory, Grade } from '../../../../domain/schemas/finding';
import { useBoardFilterOptions } from './useBoardFilterOptions';

interface Props {
  value: DeadlineBoardFilter;
  onChange: (value: DeadlineBoardFilter) => void;
}

const grades: readonly Grade[] = ['general', 'major'];

/** Agency, town, enterprise, grade and category filters; each is named for screen readers. */
export function DeadlineFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const townOptions = useTownOptions();
  const options = useBoardFilterOptions();
  const any = (label: string) => ({ value: null, label });
  return (
    <Flex gap={12} wrap align="center" role="group" aria-label={t('deadlines.filters')}>
      <Select<string | null>
        aria-label={t('deadlines.agencyFilter')}
        style={{ minWidth: 200 }}
        value={value.agencyId}
        onChange={(agencyId) => onChange({ ...value, agencyId })}
        options={[
          any(t('deadlines.anyAgency')),
          ...(options?.agencies ?? []).map((a) => ({ value: a.id, label: a.name })),
        ]}
      />
      <Select<string | null>
        aria-label={t('deadlines.townFilter')}
        style={{ minWidth: 180 }}
        value={value.town}
        onChange={(town) => onChange({ ...value, town })}
        options={[any(t('deadlines.anyTown')), ...townOptions]}
      />
      <Select<string | null>
        aria-label={t('deadlines.enterpriseFilter')}
        style={{ minWidth: 240 }}
        showSearch={{ optionFilterProp: 'label' }}
        value={value.enterpriseId}
        onChange={(enterpriseId) => onChange({ ...value, enterpriseId })}
        options={[
          any(t('deadlines.anyEnterprise')),
          ...(options?.enterprises ?? []).map((e) => ({ value: e.id, label: e.name })),
        ]}
      />
      <Select<Grade | null>
        aria-label={t('deadlines.gradeFilter')}
        style={{ minWidth: 140 }}
        value={value.grade}
        onChange={(grade) => onChange({ ...value, grade })}
        options={[
          any(t('deadlines.anyGrade')),
          ...grades.map((grade) => ({ value: grade, label: t(`grade.${grade}`) })),
        ]}
      />
      <Select<FindingCategory | null>
        aria-label={t('deadlines.categoryFilter')}
        style={{ minWidth: 200 }}
        value={value.category}
        onChange={(category) => onChange({ ...value, category })}
        options={[
          any(t('deadlines.anyCategory')),
          ...findingCategories.map((c) => ({ value: c, label: t(`findingForm.categories.${c}`) })),
        ]}
      />
    </Flex>
  );
}
