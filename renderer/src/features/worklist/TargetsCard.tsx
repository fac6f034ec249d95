import { Card, Divider, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackWorkList } from '../../../../domain/rules/statistics';
import { TotalsFigures } from './TotalsFigures';

/** The district's totals, and per year of the targets (end of 2017, end of 2020). */
export function TargetsCard({ totals }: { totals: TrackWorkList }) {
  const { t } = useTranslation();
  return (
    <Card title={t('worklist.targets')} size="small">
      <Typography.Title level={5}>{t('worklist.allMilestones')}</Typography.Title>
      <TotalsFigures totals={totals.district.total} prefix="worklist-district" />
      {totals.byDueYear.map((row) => (
        <Fragment key={row.year}>
          <Divider />
          <Typography.Title level={5}>
            {t('worklist.targetYear', { year: row.year })}
          </Typography.Title>
          <TotalsFigures totals={row.total} prefix={`worklist-target-${row.year}`} />
        </Fragment>
      ))}
    </Card>
  );
}
