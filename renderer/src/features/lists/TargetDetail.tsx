import { Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TargetListAnswer, TargetRow } from '../../../../domain/schemas/target-list-api';
import { formatDateTime } from '../common/format-date';
import { RiskTag } from './RiskTag';
import { factorReading } from './target-list-view';
import type { Directory } from './useLists';

type Factor = TargetRow['factors'][number];
type History = TargetListAnswer['overrides'];

interface Props {
  row: TargetRow;
  /** Every override of this enterprise, oldest first. */
  history: History;
  names: Directory;
}

/** Why an enterprise is in its class: the factors with their points, the override and its record. */
export function TargetDetail({ row, history, names }: Props) {
  const { t } = useTranslation();
  const columns = [
    {
      key: 'factor',
      title: t('lists.target.factor'),
      render: (_: unknown, f: Factor) => t(`lists.target.factors.${f.code}`),
    },
    {
      key: 'reading',
      title: t('lists.target.reading'),
      render: (_: unknown, f: Factor) => {
        const { key, values } = factorReading(f);
        const shown =
          f.code === 'shutdownTrack' ? { ...values, track: t(`track.${f.track}`) } : values;
        return t(`lists.target.readings.${key}`, shown);
      },
    },
    {
      key: 'points',
      title: t('lists.target.points'),
      dataIndex: 'points',
      align: 'right' as const,
    },
    {
      key: 'floor',
      title: t('lists.target.floor'),
      render: (_: unknown, f: Factor) => (f.floor ? <RiskTag riskClass={f.floor} /> : null),
    },
  ];
  const o = row.override;
  return (
    <Flex vertical gap={12}>
      <Table<Factor>
        aria-label={t('lists.target.detailsNamed', { name: row.name })}
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={row.factors}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              {t('lists.target.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {row.score}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <RiskTag riskClass={row.computedClass} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {o ? (
        <Descriptions
          size="small"
          column={1}
          title={t('lists.target.overrideInForce', {
            riskClass: t(`lists.riskClass.${o.riskClass}`),
            computedClass: t(`lists.riskClass.${o.computedClass}`),
          })}
          items={[
            {
              key: 'decided',
              label: t('lists.target.decided', {
                name: names.user(o.decidedBy),
                at: formatDateTime(o.decidedAt),
              }),
              children: null,
            },
            { key: 'reason', label: t('lists.target.reason'), children: o.reason },
          ]}
        />
      ) : null}
      {history.length > 0 ? (
        <Flex vertical gap={4}>
          <Typography.Text strong>{t('lists.target.history')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {history.map(({ override: h, withdrawnBy }) => (
              <li key={h.id}>
                {t('lists.target.historyEntry', {
                  at: formatDateTime(h.decidedAt),
                  name: names.user(h.decidedBy),
                  computedClass: t(`lists.riskClass.${h.computedClass}`),
                  riskClass: t(`lists.riskClass.${h.riskClass}`),
                })}
                {' — '}
                {h.reason}
                {' — '}
                {h.deletedAt
                  ? t('lists.target.historyWithdrawn', {
                      at: formatDateTime(h.deletedAt),
                      name: withdrawnBy ? names.user(withdrawnBy) : '—',
                    })
                  : t('lists.target.historyInForce')}
              </li>
            ))}
          </ul>
        </Flex>
      ) : null}
    </Flex>
  );
}
