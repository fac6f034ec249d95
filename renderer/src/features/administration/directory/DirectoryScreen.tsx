import { Button, Flex, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../../domain/schemas/agency';
import type { TownRecord } from '../../../../../domain/schemas/town';
import { AgencyFormModal } from './AgencyFormModal';
import { LoadState } from './LoadState';
import { TownFormModal } from './TownFormModal';
import { useAdminPeopleClient } from './useAdminPeopleClient';
import { useServerLoad } from '../../common/useServerLoad';

type Editing =
  { what: 'agency'; agency: Agency | null } | { what: 'town'; town: TownRecord | null } | null;

/** 机构与乡镇: the district's agencies and towns, read and written on the server. */
export function DirectoryScreen() {
  const { t } = useTranslation();
  const client = useAdminPeopleClient();
  const { state, reload } = useServerLoad(
    async () => ({ agencies: await client.listAgencies(), ...(await client.listTowns()) }),
    'directory',
  );
  const [editing, setEditing] = useState<Editing>(null);
  const close = (saved: boolean) => {
    setEditing(null);
    if (saved) reload();
  };
  const editButton = (label: string, onClick: () => void) => (
    <Button size="small" onClick={onClick} aria-label={label}>
      {t('admin.edit')}
    </Button>
  );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('admin.directory.title')}</Typography.Title>
      <LoadState state={state} empty={() => false} emptyText="">
        {({ agencies, towns, district }) => (
          <Tabs
            items={[
              {
                key: 'agencies',
                label: t('admin.agencies.title'),
                children: (
                  <Flex vertical gap={8}>
                    <Button
                      type="primary"
                      style={{ alignSelf: 'flex-start' }}
                      onClick={() => setEditing({ what: 'agency', agency: null })}
                    >
                      {t('admin.agencies.create')}
                    </Button>
                    <Table<Agency>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      locale={{ emptyText: t('admin.agencies.empty') }}
                      dataSource={agencies}
                      columns={[
                        { key: 'name', title: t('admin.fields.name'), dataIndex: 'name' },
                        {
                          key: 'short',
                          title: t('admin.fields.shortName'),
                          dataIndex: 'shortName',
                        },
                        {
                          key: 'kind',
                          title: t('admin.fields.kind'),
                          render: (_: unknown, a) => t(`admin.agencyKinds.${a.kind}`),
                        },
                        {
                          key: 'actions',
                          title: t('admin.actions'),
                          render: (_: unknown, a) =>
                            editButton(t('admin.agencies.editNamed', { name: a.name }), () =>
                              setEditing({ what: 'agency', agency: a }),
                            ),
                        },
                      ]}
                    />
                  </Flex>
                ),
              },
              {
                key: 'towns',
                label: t('admin.towns.title'),
                children: (
                  <Flex vertical gap={8}>
                    <Typography.Text type="secondary">
                      {district
                        ? t('admin.towns.district', { name: district.name, code: district.code })
                        : t('admin.towns.noDistrict')}
                    </Typography.Text>
                    <Button
                      type="primary"
                      style={{ alignSelf: 'flex-start' }}
                      onClick={() => setEditing({ what: 'town', town: null })}
                    >
                      {t('admin.towns.create')}
                    </Button>
                    <Table<TownRecord>
                      rowKey="id"
                      size="small"
                      pagination={false}
                      scroll={{ y: 420 }}
                      locale={{ emptyText: t('admin.towns.empty') }}
                      dataSource={towns}
                      columns={[
                        { key: 'code', title: t('admin.fields.code'), dataIndex: 'code' },
                        { key: 'name', title: t('admin.fields.name'), dataIndex: 'name' },
                        { key: 'nameEn', title: t('admin.fields.nameEn'), dataIndex: 'nameEn' },
                        {
                          key: 'kind',
                          title: t('admin.fields.kind'),
                          render: (_: unknown, town) => t(`admin.townKinds.${town.kind}`),
                        },
                        {
                          key: 'actions',
                          title: t('admin.actions'),
                          render: (_: unknown, town) =>
                            editButton(t('admin.towns.editNamed', { name: town.name }), () =>
                              setEditing({ what: 'town', town }),
                            ),
                        },
                      ]}
                    />
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </LoadState>
      {editing?.what === 'agency' ? (
        <AgencyFormModal client={client} agency={editing.agency} onClose={close} />
      ) : null}
      {editing?.what === 'town' ? (
        <TownFormModal
          client={client}
          town={editing.town}
          districtCode={state.status === 'ready' ? (state.data.district?.code ?? null) : null}
          onClose={close}
        />
      ) : null}
    </Flex>
  );
}
