import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTownName } from '../../session/useTowns';
import type { EnterpriseSummary } from './enterprise-filters';

/** Above this many rows the table renders only what is on screen. */
const VIRTUAL_FROM = 500;
const trackColors = {
  cluster_upgrade: 'blue',
  merger: 'gold',
  shutdown: 'red',
  unassigned: 'default',
};

export function EnterpriseTable({ rows }: { rows: EnterpriseSummary[] }) {
  const { t } = useTranslation();
  const townName = useTownName();
  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      title: t('enterprises.name'),
      key: 'name',
      width: 280,
      render: (_, r) => <Link to={`/enterprises/${r.enterprise.id}`}>{r.enterprise.name}</Link>,
    },
    {
      title: t('enterprises.creditCode'),
      key: 'creditCode',
      width: 200,
      render: (_, r) => r.enterprise.creditCode,
    },
    {
      title: t('enterprises.town'),
      key: 'town',
      width: 220,
      render: (_, r) => townName(r.enterprise.town),
    },
    {
      title: t('enterprises.industry'),
      key: 'industry',
      width: 160,
      render: (_, r) => r.enterprise.industry,
    },
    {
      title: t('enterprises.track'),
      key: 'track',
      width: 190,
      render: (_, r) => (
        <Tag color={trackColors[r.enterprise.track]}>{t(`track.${r.enterprise.track}`)}</Tag>
      ),
    },
    {
      title: t('enterpriseFile.level'),
      key: 'level',
      width: 130,
      render: (_, r) =>
        r.level === null ? (
          '—'
        ) : (
          <Tag color="volcano">{t('enterpriseFile.levelN', { level: r.level })}</Tag>
        ),
    },
    {
      title: t('enterpriseFile.overdue'),
      key: 'overdue',
      width: 110,
      render: (_, r) => (r.overdueCount > 0 ? <Tag color="red">{r.overdueCount}</Tag> : '—'),
    },
  ];
  const virtual = rows.length >= VIRTUAL_FROM;
  return (
    <Table<EnterpriseSummary>
      rowKey={(r) => r.enterprise.id}
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      virtual={virtual}
      scroll={virtual ? { x: 1290, y: 600 } : { x: 1290 }}
    />
  );
}
