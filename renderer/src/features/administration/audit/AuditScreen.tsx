import { App, Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../../../domain/rules/calendar-date';
import type { AuditQuery } from '../../../../../domain/schemas/admin';
import { auditTargetKindsList } from '../../../../../domain/schemas/admin-audit-kinds';
import type { AuditEntryView } from '../../../../../domain/schemas/admin-people-views';
import { formatDateTime } from '../../common/format-date';
import { LoadState } from '../directory/LoadState';
import { useAdminPeopleClient } from '../directory/useAdminPeopleClient';
import { useServerLoad } from '../../common/useServerLoad';
import { auditQueryOf } from './audit-query';
import type { AuditFilters } from './audit-query';

const NO_FILTERS: AuditFilters = { actorId: '', targetKind: '', from: '', to: '' };

const shown = (value: unknown) =>
  value === undefined ? '' : JSON.stringify(value, null, 2).slice(0, 4000);

/** 操作日志: every administrative action, who did it and when, before and after; to Excel. */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useAdminPeopleClient();
  const [fields, setFields] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [exporting, setExporting] = useState(false);
  const users = useServerLoad(() => client.listUsers(), 'users');
  const { state } = useServerLoad(
    () => client.listAudit(auditQueryOf(filters)),
    JSON.stringify(filters),
  );
  const people = users.state.status === 'ready' ? users.state.data : [];
  const actorName = (id: string) => people.find((u) => u.id === id)?.displayName ?? id;
  const set = (name: keyof AuditFilters) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));

  async function exportAll() {
    setExporting(true);
    try {
      const query: AuditQuery = auditQueryOf(filters);
      const data = await client.exportAudit(query);
      const result = await window.api.saveFile({
        defaultName: `audit-log-${todayInChina(new Date())}.xlsx`,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data,
      });
      if (result.saved) void message.success(t('admin.audit.exported'));
    } catch {
      void message.error(t('admin.audit.exportFailed'));
    } finally {
      setExporting(false);
    }
  }

  const columns = [
    {
      key: 'at',
      title: t('admin.audit.at'),
      render: (_: unknown, e: AuditEntryView) => formatDateTime(e.at, i18n.language),
    },
    {
      key: 'actor',
      title: t('admin.audit.actor'),
      render: (_: unknown, e: AuditEntryView) => actorName(e.actorId),
    },
    {
      key: 'action',
      title: t('admin.audit.action'),
      render: (_: unknown, e: AuditEntryView) =>
        i18n.exists(`admin.audit.actions.${e.action}`)
          ? t(`admin.audit.actions.${e.action}`)
          : e.action,
    },
    {
      key: 'target',
      title: t('admin.audit.target'),
      render: (_: unknown, e: AuditEntryView) =>
        `${t(`admin.audit.kinds.${e.targetKind}`)} ${e.targetId ?? ''}`,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('admin.audit.title')}</Typography.Title>
      <form
        aria-label={t('admin.audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(fields);
        }}
      >
        <Flex gap={8} wrap align="center">
          <Select
            aria-label={t('admin.audit.actor')}
            value={fields.actorId}
            onChange={set('actorId')}
            style={{ width: 180 }}
            options={[
              { value: '', label: t('admin.audit.allActors') },
              ...people
                .filter((u) => u.role === 'admin')
                .map((u) => ({ value: u.id, label: u.displayName })),
            ]}
          />
          <Select
            aria-label={t('admin.audit.kind')}
            value={fields.targetKind}
            onChange={set('targetKind')}
            style={{ width: 160 }}
            options={[
              { value: '', label: t('admin.audit.allKinds') },
              ...auditTargetKindsList.map((k) => ({
                value: k,
                label: t(`admin.audit.kinds.${k}`),
              })),
            ]}
          />
          <Input
            type="date"
            aria-label={t('admin.audit.from')}
            value={fields.from}
            onChange={(e) => set('from')(e.target.value)}
            style={{ width: 150 }}
          />
          <Input
            type="date"
            aria-label={t('admin.audit.to')}
            value={fields.to}
            onChange={(e) => set('to')(e.target.value)}
            style={{ width: 150 }}
          />
          <Button type="primary" htmlType="submit">
            {t('admin.audit.find')}
          </Button>
          <Button onClick={() => void exportAll()} loading={exporting}>
            {t('admin.audit.export')}
          </Button>
        </Flex>
      </form>
      <LoadState
        state={state}
        empty={(list) => list.length === 0}
        emptyText={t('admin.audit.empty')}
      >
        {(entries) => (
          <Table<AuditEntryView>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={entries}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (e) => (
                <Flex gap={16} wrap>
                  <div style={{ flex: 1, minWidth: 240 }}>
                    <Typography.Text strong>{t('admin.audit.before')}</Typography.Text>
                    <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
                      {shown(e.before) || t('admin.audit.nothing')}
                    </pre>
                  </div>
                  <div style={{ flex: 1, minWidth: 240 }}>
                    <Typography.Text strong>{t('admin.audit.after')}</Typography.Text>
                    <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
                      {shown(e.after) || t('admin.audit.nothing')}
                    </pre>
                  </div>
                </Flex>
              ),
            }}
          />
        )}
      </LoadState>
    </Flex>
  );
}
