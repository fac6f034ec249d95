import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { useTownName } from '../../session/useTowns';
import { CaseCounts } from '../cases/CaseCounts';
import { BurdenSection } from './BurdenSection';
import { FindingSection } from './FindingSection';
import { InspectionSection } from './InspectionSection';
import { PlanCompletionSection } from './PlanCompletionSection';
import { RectificationSection } from './RectificationSection';
import { useDashboardFigures } from './useDashboardFigures';

interface Props {
  /** The day the figures are counted on (YYYY-MM-DD); today in China by default. */
  today?: string;
}

/** Charts and tables of hazards, rectification, inspections and inspection burden. */
export function DashboardScreen({ today = todayInChina(new Date()) }: Props) {
  const { t } = useTranslation();
  const townName = useTownName();
  const view = useDashboardFigures(today);
  let body;
  if (view === undefined)
    body = (
      <div role="status" aria-busy="true" aria-label={t('dashboard.loading')}>
        <Skeleton active />
      </div>
    );
  else if (view.empty) body = <Empty description={t('dashboard.empty')} />;
  else {
    const { figures, agencyNames, enterpriseNames } = view;
    body = (
      <>
        <Typography.Text type="secondary">{t('dashboard.scope', { date: today })}</Typography.Text>
        <FindingSection rows={figures.hazards} />
        <RectificationSection
          district={figures.rectification.district}
          byAgency={figures.rectification.byAgency}
          byTown={figures.rectification.byTown}
          agencyName={(id) => agencyNames.get(id) ?? id}
          townName={townName}
        />
        <InspectionSection rows={figures.inspections} />
        <PlanCompletionSection today={today} />
        <BurdenSection
          burden={figures.burden}
          enterpriseName={(id) => enterpriseNames.get(id) ?? id}
        />
      </>
    );
  }
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('dashboard.title')}
      </Typography.Title>
      <CaseCounts />
      {body}
    </Flex>
  );
}
