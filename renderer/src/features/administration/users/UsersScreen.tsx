import { App, Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserListQuery } from '../../../../../domain/schemas/admin';
import type { AdminUser } from '../../../../../domain/schemas/admin-people-views';
import { townLabel } from '../../../../../domain/schemas/town';
import { roles } from '../../../../../domain/schemas/user';
import { useProfile } from '../../../session/session-context';
import { LoadState } from '../directory/LoadState';
import { refusalText } from '../directory/refusal-text';
import { useAdminPeopleClient } from '../directory/useAdminPeopleClient';
import { useServerLoad } from '../../common/useServerLoad';
import { CertificateCell } from './CertificateCell';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

type Filters = Record<'search' | 'agencyId' | 'role' | 'active', string>;
const NO_FILTERS: Filters = { search: '', agencyId: '', role: '', active: '' };

type Dialog = { what: 'edit'; user: AdminUser | null } | { what: 'reset'; user: AdminUser } | null;

/** 用户管理: every account, searched and filtered on the server, with their actions. */
export function UsersScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { message, modal } = App.useApp();
  const me = useProfile().session.user.id;
  const client = useAdminPeopleClient();
  const [fields, setFields] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [dialog, setDialog] = useState<Dialog>(null);
  const directory = useServerLoad(
    async () => ({ agencies: await client.listAgencies(), ...(await client.listTowns()) }),
    'directory',
  );
  const { state, reload } = useServerLoad(() => {
    const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
    return client.listUsers(query as UserListQuery);
  }, JSON.stringify(filters));
  const set = (name: keyof Filters) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));
  const agencies = directory.state.status === 'ready' ? directory.state.data.agencies : [];
  const towns = directory.state.status === 'ready' ? directory.state.data.towns : [];
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.shortName ?? '';
  const townName = (code: string) => {
    const town = towns.find((x) => x.code === code);
    return town ? townLabel(town, lang) : code;
  };

  function setActive(user: AdminUser, active: boolean) {
    const name = user.displayName;
    void modal.confirm({
      title: active
        ? t('admin.users.reactivateTitle', { name })
        : t('admin.users.deactivateTitle', { name }),
      content: active
        ? t('admin.users.reactivateConsequence')
        : t('admin.users.deactivateConsequence'),
      okText: active ? t('admin.users.reactivate') : t('admin.users.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('admin.cancel'),
      onOk: async () => {
        try {
          await client.setUserActive(user.id, active);
          void message.success(
            active
              ? t('admin.users.reactivated', { name })
              : t('admin.users.deactivated', { name }),
          );
          reload();
        } catch (error) {
          void message.error(refusalText(error, t));
        }
      },
    });
  }

  const columns = [
    {
      key: 'user',
      title: t('admin.fields.displayName'),
      render: (_: unknown, u: AdminUser) => (
        <Space orientation="vertical" size={0}>
          <span>{u.displayName}</span>
          <Typography.Text type="secondary">{u.username}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'role',
      title: t('admin.fields.role'),
      render: (_: unknown, u: AdminUser) => t(`admin.roles.${u.role}`),
    },
    {
      key: 'agency',
      title: t('admin.fields.agencyId'),
      render: (_: unknown, u: AdminUser) => agencyName(u.agencyId),
    },
    {
      key: 'towns',
      title: t('admin.fields.jurisdiction'),
      render: (_: unknown, u: AdminUser) =>
        u.jurisdiction.map(townName).join(t('admin.listSeparator')),
    },
    {
      key: 'certificate',
      title: t('admin.fields.certificateNo'),
      render: (_: unknown, u: AdminUser) => (
        <CertificateCell
          certificateNo={u.certificateNo}
          expiresOn={u.certificateExpiresOn}
          expiring={u.certificateExpiring}
        />
      ),
    },
    {
      key: 'status',
      title: t('admin.users.status'),
      render: (_: unknown, u: AdminUser) => (
        <Space size={4} wrap>
          {u.active ? (
            <Tag color="success">{t('admin.users.active')}</Tag>
          ) : (
            <Tag color="default">{t('admin.users.inactive')}</Tag>
          )}
          {u.mustChangePassword ? (
            <Tag color="processing">{t('admin.users.mustChange')}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('admin.actions'),
      render: (_: unknown, u: AdminUser) => (
        <Space size={4} wrap>
          <Button
            size="small"
            aria-label={t('admin.users.editNamed', { name: u.displayName })}
            onClick={() => setDialog({ what: 'edit', user: u })}
          >
            {t('admin.edit')}
          </Button>
          <Button
            size="small"
            aria-label={t('admin.users.resetNamed', { name: u.displayName })}
            onClick={() => setDialog({ what: 'reset', user: u })}
          >
            {t('admin.users.reset')}
          </Button>
          {u.active ? (
            u.id === me ? null : (
              <Button
                size="small"
                danger
                aria-label={t('admin.users.deactivateTitle', { name: u.displayName })}
                onClick={() => setActive(u, false)}
              >
                {t('admin.users.deactivate')}
              </Button>
            )
          ) : (
            <Button
              size="small"
              aria-label={t('admin.users.reactivateTitle', { name: u.displayName })}
              onClick={() => setActive(u, true)}
            >
              {t('admin.users.reactivate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('admin.users.title')}</Typography.Title>
      <form
        aria-label={t('admin.users.search')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(fields);
        }}
      >
        <Flex gap={8} wrap align="center">
          <Input
            aria-label={t('admin.users.search')}
            placeholder={t('admin.users.searchPlaceholder')}
            value={fields.search}
            onChange={(e) => set('search')(e.target.value)}
            style={{ width: 220 }}
          />
          <Select
            aria-label={t('admin.fields.agencyId')}
            value={fields.agencyId}
            onChange={set('agencyId')}
            style={{ width: 180 }}
            options={[
              { value: '', label: t('admin.users.allAgencies') },
              ...agencies.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <Select
            aria-label={t('admin.fields.role')}
            value={fields.role}
            onChange={set('role')}
            style={{ width: 140 }}
            options={[
              { value: '', label: t('admin.users.allRoles') },
              ...roles.map((r) => ({ value: r, label: t(`admin.roles.${r}`) })),
            ]}
          />
          <Select
            aria-label={t('admin.users.status')}
            value={fields.active}
            onChange={set('active')}
            style={{ width: 140 }}
            options={[
              { value: '', label: t('admin.users.allStatuses') },
              { value: 'true', label: t('admin.users.active') },
              { value: 'false', label: t('admin.users.inactive') },
            ]}
          />
          <Button htmlType="submit">{t('admin.users.find')}</Button>
          <Button type="primary" onClick={() => setDialog({ what: 'edit', user: null })}>
            {t('admin.users.create')}
          </Button>
        </Flex>
      </form>
      <LoadState
        state={state}
        empty={(users) => users.length === 0}
        emptyText={t('admin.users.empty')}
      >
        {(users) => (
          <Table<AdminUser>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={users}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          />
        )}
      </LoadState>
      {dialog?.what === 'edit' ? (
        <UserFormModal
          client={client}
          user={dialog.user}
          agencies={agencies}
          towns={towns}
          onClose={(saved) => {
            setDialog(null);
            if (saved) reload();
          }}
        />
      ) : null}
      {dialog?.what === 'reset' ? (
        <ResetPasswordModal
          client={client}
          user={dialog.user}
          onClose={(revoked) => {
            setDialog(null);
            if (revoked !== null) {
              void message.success(t('admin.users.resetDone', { count: revoked }));
              reload();
            }
          }}
        />
      ) : null}
    </Flex>
  );
}
