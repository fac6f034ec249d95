import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import { townName } from '../../../../domain/data/towns';

/** Above this many rows the table renders only what is on screen. */
const VIRTUAL_FROM = 500;
const trackColors = {
  cluster_upgrade: 'blue',
  merger: 'gold',
  shutdown: 'red',
  unassigned: 'default',
};

export function EnterpriseTable({ rows }: { rows: Enterprise[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const columns: TableColumnsType<Enterprise> = [
    { title: t('enterprises.name'), dataIndex: 'name', key: 'name', width: 280 },
    { title: t('enterprises.creditCode'), dataIndex: 'creditCode', key: 'creditCode', width: 200 },
    {
      title: t('enterprises.town'),
      key: 'town',
      width: 220,
      render: (_, e) => townName(e.town, lang),
    },
    { title: t('enterprises.industry'), dataIndex: 'industry', key: 'industry', width: 180 },
    {
      title: t('enterprises.track'),
      key: 'track',
      width: 200,
      render: (_, e) => <Tag color={trackColors[e.track]}>{t(`track.${e.track}`)}</Tag>,
    },
  ];
  const virtual = rows.length >= VIRTUAL_FROM;
  return (
    <Table<Enterprise>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      pagination={false}
      virtual={virtual}
      scroll={virtual ? { x: 1080, y: 600 } : { x: 1080 }}
    />
  );
}
