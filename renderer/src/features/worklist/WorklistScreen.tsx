import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { tracks } from '../../../../domain/schemas/enterprise';
import { TargetsCard } from './TargetsCard';
import { TownTable } from './TownTable';
import { TrackCard } from './TrackCard';
import { useWorkList } from './useWorkList';

interface Props {
  /** The day the milestones are judged on (YYYY-MM-DD); today in China by default. */
  today?: string;
}

/** The rectification programme's work list (工作清单): tracks, towns and the district's targets. */
export function WorklistScreen({ today = todayInChina(new Date()) }: Props) {
  const { t } = useTranslation();
  const figures = useWorkList(today);
  const enterprises = figures ? tracks.flatMap((track) => figures.byTrack[track]).length : 0;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('worklist.title')}
      </Typography.Title>
      {figures === undefined ? (
        <div role="status" aria-busy="true" aria-label={t('worklist.loading')}>
          <Skeleton active />
        </div>
      ) : enterprises === 0 ? (
        <Empty description={t('worklist.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('worklist.scope', { date: today })}</Typography.Text>
          <TargetsCard totals={figures.totals} />
          {tracks.map((track) => (
            <TrackCard
              key={track}
              track={track}
              totals={figures.totals.district.byTrack[track]}
              rows={figures.byTrack[track]}
            />
          ))}
          <TownTable rows={figures.totals.byTown} />
        </>
      )}
    </Flex>
  );
}
