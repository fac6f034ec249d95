import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MilestoneTotals } from '../../../../domain/rules/statistics';
import { formatCount, formatRate } from '../common/format-figure';
import { Figure } from '../common/Figure';

/** The fields of a milestone total shown as figures, in order. */
export const totalsFields = [
  'enterprises',
  'enterprisesWithOverdue',
  'milestones',
  'done',
  'overdue',
  'pending',
  'progress',
] as const;

export function formatTotalsField(
  totals: MilestoneTotals,
  field: (typeof totalsFields)[number],
): string {
  return field === 'progress' ? formatRate(totals.progress) : formatCount(totals[field]);
}

interface Props {
  totals: MilestoneTotals;
  /** data-testid prefix: each figure is `${prefix}-${field}`. */
  prefix: string;
}

export function TotalsFigures({ totals, prefix }: Props) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={24}>
      {totalsFields.map((field) => (
        <Figure
          key={field}
          label={t(`worklist.${field}`)}
          value={formatTotalsField(totals, field)}
          testId={`${prefix}-${field}`}
        />
      ))}
    </Flex>
  );
}
