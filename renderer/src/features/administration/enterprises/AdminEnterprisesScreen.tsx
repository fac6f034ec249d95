import { Alert, App, Button, Flex, Input, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isClosed } from '../../../../../domain/rules/enterprise-status';
import type { Enterprise } from '../../../../../domain/schemas/enterprise';
import { useTownName } from '../../../session/useTowns';
import { useOnline } from '../../../shared/useOnline';
import { ListState } from '../../common/ListState';
import { messageOf } from '../templates/useAdminContent';
import { CloseEnterpriseModal } from './CloseEnterpriseModal';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { useEnterpriseAdmin } from './useEnterpriseAdmin';
import { useRegistryFiles } from './useRegistryFiles';

export const IMPORT_PATH = '/admin/enterprises/import';

const matches = (e: Enterprise, query: string) =>
  query === '' || e.name.includes(query) || e.creditCode.includes(query.toUpperCase());

/** 企业名录管理: every enterprise, closed ones too; create, edit, close, reopen; import, export. */
export function AdminEnterprisesScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const online = useOnline();
  const admin = useEnterpriseAdmin();
  const files = useRegistryFiles();
  const townName = useTownName();
  const [query, setQuery] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const [editing, setEditing] = useState<Enterprise | null | undefined>(undefined);
  const [closing, setClosing] = useState<Enterprise | null>(null);
  const all = admin.enterprises;
  const rows = useMemo(
    () => all?.filter((e) => (showClosed || !isClosed(e)) && matches(e, query.trim())),
    [all, showClosed, query],
  );

  const reopen = (e: Enterprise) =>
    void modal.confirm({
      title: t('adminEnterprises.reopenConfirm', { name: e.name }),
      okText: t('adminEnterprises.reopen'),
      onOk: async () => {
        try {
          await admin.reopen(e);
          void message.success(t('adminEnterprises.reopened', { name: e.name }));
        } catch (error) {
          void message.error(t('adminEnterprises.actionFailed', { message: messageOf(error) }));
        }
      },
    });

  const columns: TableColumnsType<Enterprise> = [
    { key: 'name', title: t('adminEnterprises.fields.name'), dataIndex: 'name' },
    {
      key: 'creditCode',
      title: t('adminEnterprises.fields.creditCode'),
      dataIndex: 'creditCode',
      width: 190,
    },
    {
      key: 'town',
      title: t('adminEnterprises.fields.town'),
      width: 130,
      render: (_, e) => townName(e.town),
    },
    {
      key: 'track',
      title: t('adminEnterprises.fields.track'),
      width: 150,
      render: (_, e) => t(`track.${e.track}`),
    },
    {
      key: 'status',
      title: t('adminEnterprises.statusColumn'),
      width: 170,
      render: (_, e) =>
        e.closure ? (
          <Tag>
            {t(`adminEnterprises.status.${e.closure.kind}`)} {e.closure.date}
          </Tag>
        ) : (
          <Tag color="green">{t('adminEnterprises.status.open')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('adminEnterprises.actions'),
      width: 150,
      render: (_, e) => (
        <Flex gap={4}>
          <Button
            size="small"
            disabled={!online}
            onClick={() => setEditing(e)}
            aria-label={t('adminEnterprises.editOf', { name: e.name })}
          >
            {t('adminEnterprises.edit')}
          </Button>
          {e.closure ? (
            <Button
              size="small"
              disabled={!online}
              onClick={() => reopen(e)}
              aria-label={t('adminEnterprises.reopenOf', { name: e.name })}
            >
              {t('adminEnterprises.reopen')}
            </Button>
          ) : (
            <Button
              size="small"
              danger
              disabled={!online}
              onClick={() => setClosing(e)}
              aria-label={t('adminEnterprises.closeOf', { name: e.name })}
            >
              {t('adminEnterprises.close')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3}>{t('adminEnterprises.title')}</Typography.Title>
      {online ? null : <Alert type="info" showIcon title={t('adminEnterprises.offline')} />}
      <Flex gap={8} wrap align="center">
        <Input.Search
          aria-label={t('adminEnterprises.search')}
          placeholder={t('adminEnterprises.search')}
          allowClear
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 260 }}
        />
        <Switch
          checked={showClosed}
          onChange={setShowClosed}
          aria-label={t('adminEnterprises.showClosed')}
        />
        <Typography.Text>{t('adminEnterprises.showClosed')}</Typography.Text>
        <Button type="primary" disabled={!online} onClick={() => setEditing(null)}>
          {t('adminEnterprises.new')}
        </Button>
        <Button disabled={!online} onClick={() => void navigate(IMPORT_PATH)}>
          {t('adminEnterprises.import')}
        </Button>
        <Button
          disabled={!online}
          loading={files.busy === 'xlsx'}
          onClick={() => void files.save('xlsx')}
        >
          {t('adminEnterprises.exportXlsx')}
        </Button>
        <Button
          disabled={!online}
          loading={files.busy === 'csv'}
          onClick={() => void files.save('csv')}
        >
          {t('adminEnterprises.exportCsv')}
        </Button>
        <Button
          disabled={!online}
          loading={files.busy === 'template'}
          onClick={() => void files.save('template')}
        >
          {t('adminEnterprises.downloadTemplate')}
        </Button>
      </Flex>
      <ListState rows={rows} empty={t('adminEnterprises.empty')}>
        {(list) => (
          <Table<Enterprise>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list}
            scroll={{ y: 400 }}
            pagination={{
              pageSize: 50,
              showSizeChanger: false,
              showTotal: (n) => t('adminEnterprises.count', { count: n }),
            }}
          />
        )}
      </ListState>
      {editing !== undefined ? (
        <EnterpriseFormDrawer
          enterprise={editing}
          onSave={(input) => (editing ? admin.update(editing, input) : admin.create(input))}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {closing ? (
        <CloseEnterpriseModal
          enterprise={closing}
          others={(all ?? []).filter((e) => e.id !== closing.id && !isClosed(e))}
          onClose={() => setClosing(null)}
          onConfirm={async (closure) => {
            try {
              await admin.close(closing, closure);
              void message.success(t('adminEnterprises.closed', { name: closing.name }));
              setClosing(null);
            } catch (error) {
              void message.error(t('adminEnterprises.actionFailed', { message: messageOf(error) }));
            }
          }}
        />
      ) : null}
    </Flex>
  );
}
