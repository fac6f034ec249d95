import { Empty, Flex, Select, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { completionText } from './progress-format';
import { ProgressTable } from './ProgressTable';
import { usePlanProgress } from './usePlanProgress';

interface Props {
  /** The day the tasks are judged on (YYYY-MM-DD); today in China by default. */
  today?: string;
}

/**
 * The plan's progress for supervisors: the tasks (drawn visits and key inspections) done, due and
 * overdue by month, agency and officer, counted offline over the tasks of this device's towns.
 */
export function PlanProgressScreen({ today = todayInChina(new Date()) }: Props) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | undefined>(undefined);
  const view = usePlanProgress(today, year);

  let body;
  if (view === undefined) {
    body = (
      <div role="status" aria-busy="true" aria-label={t('planProgress.loading')}>
        <Skeleton active />
      </div>
    );
  } else if (view.years.length === 0) {
    body = <Empty description={t('planProgress.empty')} />;
  } else {
    const { progress, agencyNames, userNames } = view;
    body = (
      <>
        <Space wrap size={16}>
          <label htmlFor="plan-progress-year">{t('planProgress.year')}</label>
          <Select<number>
            id="plan-progress-year"
            aria-label={t('planProgress.year')}
            value={view.year}
            onChange={setYear}
            options={view.years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 110 }}
          />
          <Typography.Text data-testid="plan-progress-total">
            {t('planProgress.summary', {
              done: progress.total.done,
              due: progress.total.due,
              overdue: progress.total.overdue,
              completion: completionText(progress.total),
            })}
          </Typography.Text>
        </Space>
        <Tabs
          items={(
            [
              [
                'Month',
                progress.months.map((m) => ({ key: m.month, label: m.month, counts: m.counts })),
              ],
              [
                'Agency',
                progress.agencies.map((a) => ({
                  key: a.key,
                  label: agencyNames.get(a.key) ?? a.key,
                  counts: a.counts,
                })),
              ],
              [
                'Officer',
                progress.officers.map((o) => ({
                  key: o.key ?? 'none',
                  label:
                    o.key === null ? t('planProgress.noOfficer') : (userNames.get(o.key) ?? o.key),
                  counts: o.counts,
                })),
              ],
            ] as const
          ).map(([by, rows]) => ({
            key: by.toLowerCase(),
            label: t(`planProgress.by${by}`),
            children: (
              <ProgressTable
                testId={`progress-${by.toLowerCase()}`}
                caption={t(`planProgress.by${by}Caption`)}
                rowHeading={t(`planProgress.${by.toLowerCase()}`)}
                rows={rows}
              />
            ),
          }))}
        />
      </>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('planProgress.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('planProgress.scope', { date: today })}</Typography.Text>
      {body}
    </Flex>
  );
}
