import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminDevice, AdminSession } from '../../../../../domain/schemas/admin-people-views';
import { formatDateTime } from '../../common/format-date';
import { LoadState } from '../directory/LoadState';
import { refusalText } from '../directory/refusal-text';
import { useAdminPeopleClient } from '../directory/useAdminPeopleClient';
import { useServerLoad } from '../../common/useServerLoad';
import { CertificateCell } from '../users/CertificateCell';

/** 设备与会话: every device, its user, its contacts and unsent work; revoke or wipe it. */
export function DevicesScreen() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useAdminPeopleClient();
  const { state, reload } = useServerLoad(() => client.listDevices(), 'devices');
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : t('admin.never'));

  function act(title: string, content: string, okText: string, run: () => Promise<unknown>) {
    void modal.confirm({
      title,
      content,
      okText,
      okButtonProps: { danger: true },
      cancelText: t('admin.cancel'),
      onOk: async () => {
        try {
          await run();
          void message.success(t('admin.done'));
          reload();
        } catch (error) {
          void message.error(refusalText(error, t));
        }
      },
    });
  }

  const status = (d: AdminDevice) => {
    if (d.wipedAt) return <Tag>{t('admin.devices.wiped', { at: when(d.wipedAt) })}</Tag>;
    if (d.wipeOrderedAt) return <Tag color="warning">{t('admin.devices.wipeOrdered')}</Tag>;
    if (d.revokedAt) return <Tag color="error">{t('admin.devices.revoked')}</Tag>;
    return <Tag color="success">{t('admin.devices.inUse')}</Tag>;
  };

  const columns = [
    {
      key: 'user',
      title: t('admin.devices.user'),
      render: (_: unknown, d: AdminDevice) =>
        d.user ? (
          <Space orientation="vertical" size={0}>
            <span>
              {d.user.displayName} ({d.user.username})
            </span>
            <CertificateCell
              certificateNo={d.user.certificateNo}
              expiresOn={d.user.certificateExpiresOn}
              expiring={d.user.certificateExpiring}
            />
          </Space>
        ) : (
          t('admin.devices.unknownUser')
        ),
    },
    { key: 'name', title: t('admin.devices.name'), dataIndex: 'name' },
    {
      key: 'lastSeen',
      title: t('admin.devices.lastSeen'),
      render: (_: unknown, d: AdminDevice) => when(d.lastSeenAt),
    },
    {
      key: 'lastSync',
      title: t('admin.devices.lastSync'),
      render: (_: unknown, d: AdminDevice) => when(d.lastSyncAt),
    },
    {
      key: 'unsent',
      title: t('admin.devices.unsent'),
      render: (_: unknown, d: AdminDevice) =>
        d.unsentCount === null
          ? t('admin.devices.unsentUnknown')
          : t('admin.devices.unsentCount', {
              count: d.unsentCount,
              at: when(d.unsentReportedAt),
            }),
    },
    {
      key: 'status',
      title: t('admin.users.status'),
      render: (_: unknown, d: AdminDevice) => status(d),
    },
    {
      key: 'actions',
      title: t('admin.actions'),
      render: (_: unknown, d: AdminDevice) => {
        const name = `${d.name} (${d.user?.displayName ?? ''})`;
        return d.wipedAt ? null : (
          <Space size={4} wrap>
            {d.revokedAt ? null : (
              <Button
                size="small"
                danger
                aria-label={t('admin.devices.revokeTitle', { name })}
                onClick={() =>
                  act(
                    t('admin.devices.revokeTitle', { name }),
                    t('admin.devices.revokeConsequence'),
                    t('admin.devices.revoke'),
                    () => client.revokeDevice(d.deviceId),
                  )
                }
              >
                {t('admin.devices.revoke')}
              </Button>
            )}
            {d.wipeOrderedAt ? null : (
              <Button
                size="small"
                danger
                aria-label={t('admin.devices.wipeNamed', { name })}
                onClick={() =>
                  act(
                    t('admin.devices.wipeTitle', { name }),
                    t('admin.devices.wipeConsequence'),
                    t('admin.devices.wipe'),
                    () => client.orderWipe(d.deviceId),
                  )
                }
              >
                {t('admin.devices.wipe')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const sessionColumns = [
    {
      key: 'created',
      title: t('admin.devices.sessionStarted'),
      render: (_: unknown, s: AdminSession) => when(s.createdAt),
    },
    {
      key: 'seen',
      title: t('admin.devices.lastSeen'),
      render: (_: unknown, s: AdminSession) => when(s.lastSeenAt),
    },
    {
      key: 'state',
      title: t('admin.users.status'),
      render: (_: unknown, s: AdminSession) =>
        s.live ? (
          <Tag color="success">{t('admin.devices.sessionLive')}</Tag>
        ) : (
          <Tag>{t('admin.devices.sessionEnded')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('admin.actions'),
      render: (_: unknown, s: AdminSession) =>
        s.live ? (
          <Button
            size="small"
            onClick={() =>
              act(
                t('admin.devices.revokeSessionTitle'),
                t('admin.devices.revokeSessionConsequence'),
                t('admin.devices.revokeSession'),
                () => client.revokeSession(s.id),
              )
            }
          >
            {t('admin.devices.revokeSession')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('admin.devices.title')}</Typography.Title>
      <LoadState
        state={state}
        empty={(list) => list.length === 0}
        emptyText={t('admin.devices.empty')}
      >
        {(devices) => (
          <Table<AdminDevice>
            rowKey="deviceId"
            size="small"
            columns={columns}
            dataSource={devices}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (d) => (
                <Table<AdminSession>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  columns={sessionColumns}
                  dataSource={d.sessions}
                  locale={{ emptyText: t('admin.devices.noSessions') }}
                />
              ),
            }}
          />
        )}
      </LoadState>
    </Flex>
  );
}
