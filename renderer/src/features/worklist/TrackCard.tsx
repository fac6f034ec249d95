import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MilestoneTotals, WorkListRow } from '../../../../domain/rules/statistics';
import { useTownName } from '../../session/useTowns';
import type { Enterprise, Track } from '../../../../domain/schemas/enterprise';
import { MilestoneList } from './MilestoneList';
import { TotalsFigures } from './TotalsFigures';

interface Props {
  track: Track;
  totals: MilestoneTotals;
  rows: WorkListRow<Enterprise>[];
}

/** One track: its totals, then each enterprise on it with its milestones and progress. */
export function TrackCard({ track, totals, rows }: Props) {
  const { t } = useTranslation();
  const townName = useTownName();
  const title = t(`track.${track}`);
  return (
    <Card title={title} size="small" data-testid={`worklist-track-${track}`}>
      <TotalsFigures totals={totals} prefix={`worklist-track-${track}`} />
      <Table<WorkListRow<Enterprise>>
        aria-label={title}
        size="small"
        style={{ marginTop: 16 }}
        rowKey={(r) => r.enterprise.id}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('worklist.noEnterprises') }}
        columns={[
          {
            title: t('worklist.enterprise'),
            key: 'name',
            render: (_, r) => (
              <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link>
            ),
          },
          {
            title: t('worklist.town'),
            key: 'town',
            render: (_, r) => townName(r.enterprise.town),
          },
          {
            title: t('worklist.milestones'),
            key: 'milestones',
            render: (_, r) => (
              <MilestoneList
                milestones={r.milestones}
                prefix={`worklist-enterprise-${r.enterprise.id}`}
              />
            ),
          },
          {
            title: t('worklist.progress'),
            key: 'progress',
            width: 160,
            render: (_, r) => {
              const text = `${r.progress.done}/${r.progress.milestones}`;
              return (
                <>
                  <span
                    data-testid={`worklist-enterprise-${r.enterprise.id}-progress`}
                    aria-label={`${t('worklist.progress')}: ${text}`}
                  >
                    {text}
                  </span>
                  <Progress
                    percent={Math.round((r.progress.progress ?? 0) * 100)}
                    size="small"
                    status={r.progress.overdue > 0 ? 'exception' : 'normal'}
                    showInfo={false}
                    aria-label={`${t('worklist.progress')}: ${r.enterprise.name}`}
                  />
                </>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
