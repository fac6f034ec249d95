import { Button, Checkbox, Empty, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../common/ServerLoadNotice';
import type { RiskClass } from '../../../../domain/schemas/risk';
import { riskClasses } from '../../../../domain/schemas/risk';
import type { TargetRow } from '../../../../domain/schemas/target-list-api';
import { useProfile } from '../../session/session-context';
import { OverrideModal } from './OverrideModal';
import { RiskTag } from './RiskTag';
import { TargetDetail } from './TargetDetail';
import { TargetExportButton } from './TargetExportButton';
import type { TargetFilter } from './target-list-view';
import { countByClass, filterTargets, noTargetFilter, townsOf } from './target-list-view';
import { useListAction } from './useListAction';
import { useDirectory, useListsClient, useTargetList } from './useLists';

/**
 * 检查对象名录库: the agency's enterprises in the user's towns with their computed risk class,
 * its factors, and a supervisor's override in force. Computed and held by the server, so online.
 */
export function TargetListScreen() {
  const { t, i18n } = useTranslation();
  const names = useDirectory(i18n.language === 'en' ? 'en' : 'zh');
  const { session } = useProfile();
  const supervisor = session.user.role === 'supervisor';
  const { state, reload } = useTargetList();
  const client = useListsClient();
  const { busy, run } = useListAction();
  const [filter, setFilter] = useState<TargetFilter>(noTargetFilter);
  const [overriding, setOverriding] = useState<TargetRow | null>(null);

  const data = state.status === 'ready' ? state.data : null;
  const rows = useMemo(() => (data ? filterTargets(data.rows, filter) : []), [data, filter]);
  const counts = useMemo(() => countByClass(data?.rows ?? []), [data]);

  const columns = [
    { key: 'name', title: t('lists.target.name'), dataIndex: 'name' },
    {
      key: 'town',
      title: t('lists.target.town'),
      width: 170,
      render: (_: unknown, r: TargetRow) => names.town(r.town),
    },
    {
      key: 'computed',
      title: t('lists.target.computed'),
      width: 120,
      render: (_: unknown, r: TargetRow) => <RiskTag riskClass={r.computedClass} />,
    },
    {
      key: 'score',
      title: t('lists.target.score'),
      dataIndex: 'score',
      width: 70,
      align: 'right' as const,
    },
    {
      key: 'inForce',
      title: t('lists.target.inForce'),
      width: 190,
      render: (_: unknown, r: TargetRow) => (
        <Flex gap={4} wrap>
          <RiskTag riskClass={r.riskClass} />
          {r.override ? <Tag>{t('lists.target.overriddenTag')}</Tag> : null}
        </Flex>
      ),
    },
    ...(supervisor
      ? [
          {
            key: 'actions',
            title: t('lists.target.actions'),
            width: 170,
            render: (_: unknown, r: TargetRow) => (
              <Flex gap={4} wrap>
                <Button
                  size="small"
                  aria-label={t('lists.target.overrideNamed', { name: r.name })}
                  onClick={() => setOverriding(r)}
                >
                  {t('lists.target.override')}
                </Button>
                {r.override ? (
                  <Popconfirm
                    title={t('lists.target.withdrawConfirm', {
                      computed: t(`lists.riskClass.${r.computedClass}`),
                    })}
                    onConfirm={() => {
                      const id = r.override?.id ?? '';
                      void run(() => client.withdrawOverride(id), t('lists.target.withdrawn')).then(
                        (done) => done && reload(),
                      );
                    }}
                  >
                    <Button
                      size="small"
                      danger
                      loading={busy}
                      aria-label={t('lists.target.withdrawNamed', { name: r.name })}
                    >
                      {t('lists.target.withdraw')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('lists.target.title')}
        </Typography.Title>
        <Flex gap={8}>
          {data ? <TargetExportButton rows={rows} asOf={data.asOf} names={names} /> : null}
          <Button onClick={reload}>{t('lists.target.reload')}</Button>
        </Flex>
      </Flex>
      <ServerLoadNotice
        state={state}
        offline={t('lists.target.offline')}
        failed={(message) => t('lists.target.failed', { message })}
      />
      {data ? (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('lists.target.intro', { asOf: data.asOf })}
            {supervisor ? null : ` ${t('lists.target.readOnly')}`}
          </Typography.Paragraph>
          <Flex gap={8} wrap align="center">
            <Select<RiskClass | ''>
              style={{ width: 200 }}
              aria-label={t('lists.target.filterClass')}
              value={filter.riskClass ?? ''}
              onChange={(c) => setFilter({ ...filter, riskClass: c === '' ? null : c })}
              options={[
                { value: '' as const, label: t('lists.target.allClasses') },
                ...riskClasses.map((c) => ({
                  value: c,
                  label: t('lists.target.count', {
                    label: t(`lists.riskClass.${c}`),
                    count: counts[c],
                  }),
                })),
              ]}
            />
            <Select<string>
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              aria-label={t('lists.target.filterTown')}
              value={filter.town ?? ''}
              onChange={(town) => setFilter({ ...filter, town: town === '' ? null : town })}
              options={[
                { value: '', label: t('lists.target.allTowns') },
                ...townsOf(data.rows).map((code) => ({ value: code, label: names.town(code) })),
              ]}
            />
            <Checkbox
              checked={filter.overriddenOnly}
              onChange={(e) => setFilter({ ...filter, overriddenOnly: e.target.checked })}
            >
              {t('lists.target.overriddenOnly')}
            </Checkbox>
          </Flex>
          {data.rows.length === 0 ? (
            <Empty description={t('lists.target.empty')} />
          ) : (
            <Table<TargetRow>
              rowKey="enterpriseId"
              size="small"
              columns={columns}
              dataSource={rows}
              locale={{ emptyText: t('lists.target.noMatch') }}
              pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
              expandable={{
                expandedRowRender: (r) => (
                  <TargetDetail
                    row={r}
                    names={names}
                    history={data.overrides.filter(
                      (o) => o.override.enterpriseId === r.enterpriseId,
                    )}
                  />
                ),
              }}
            />
          )}
        </>
      ) : null}
      {overriding ? (
        <OverrideModal
          row={overriding}
          onClose={(saved) => {
            setOverriding(null);
            if (saved) reload();
          }}
        />
      ) : null}
    </Flex>
  );
}
