// GB 18218-2018 参照表: the edition in force of the reference table every grading uses, its
// Table 1 and Table 2 rows with search, the administrator's corrections and added rows, published
// with a reason as the next edition (the server's refusal shown at its rows), the editions'
// history, and the edition in force saved as JSON.
import { Alert, App, Button, Flex, Input, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { changedRows } from '../../../../../domain/rules/gb18218-editions';
import type { Table1Row, Table2Row } from '../../../../../domain/data/gb18218-table-schema';
import { ApiError } from '../../../sync/errors';
import { formatDateTime } from '../../common/format-date';
import { LoadState } from '../directory/LoadState';
import { refusalText } from '../directory/refusal-text';
import { EditionHistory } from './EditionHistory';
import { EditionRowsTable } from './EditionRowsTable';
import { RowEditorModal } from './RowEditorModal';
import type { RowEdit } from './RowEditorModal';
import { useGb18218Admin } from './useGb18218Admin';

type Tab = 'table1' | 'table2' | 'history';

/** Why publishing was refused, in the user's words where the refusal has its own. */
function publishFailure(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'stale_edition') return t('adminGb18218.stale');
  if (error instanceof ApiError && error.code === 'edition_unchanged') {
    return t('adminGb18218.unchanged');
  }
  return refusalText(error, t);
}

export function Gb18218TableScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const admin = useGb18218Admin();
  const [tab, setTab] = useState<Tab>('table1');
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<RowEdit | null>(null);
  const [reason, setReason] = useState('');
  const base = admin.current.status === 'ready' ? admin.current.data : null;
  const edited = useMemo(
    () =>
      new Set(base && admin.working ? changedRows(base.table, admin.working).map((r) => r.id) : []),
    [base, admin.working],
  );

  async function download() {
    if (!base) return;
    const result = await window.api.saveFile({
      defaultName: `${base.table.version.id}.json`,
      filters: [{ name: 'JSON', extensions: ['json'] }],
      data: new TextEncoder().encode(`${JSON.stringify(base.table, null, 2)}\n`),
    });
    if (result.saved) void message.success(t('adminGb18218.downloaded'));
  }

  async function publish() {
    const edition = await admin.publish(reason);
    if (edition) {
      setReason('');
      void message.success(t('adminGb18218.published', { label: edition.label }));
    }
  }

  const edit = (row: Table1Row | Table2Row) =>
    setEditing('code' in row ? { part: 'table2', row } : { part: 'table1', row });

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('adminGb18218.title')}
      </Typography.Title>
      <LoadState state={admin.current} empty={() => false} emptyText="">
        {(current) => (
          <Flex vertical gap={12}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text>
                {t('adminGb18218.inForce', { label: current.edition.label })}
                {current.edition.publishedAt
                  ? t('adminGb18218.publishedOn', {
                      name: current.edition.publishedByName ?? '',
                      at: formatDateTime(current.edition.publishedAt),
                    })
                  : t('adminGb18218.shippedNote')}
              </Typography.Text>
              <Button onClick={() => void download()}>{t('adminGb18218.download')}</Button>
            </Flex>
            {admin.pending > 0 ? (
              <Flex vertical gap={8} role="region" aria-label={t('adminGb18218.pendingTitle')}>
                <Typography.Text strong>
                  {t('adminGb18218.pending', { count: admin.pending })}
                </Typography.Text>
                <Input.TextArea
                  aria-label={t('adminGb18218.reason')}
                  placeholder={t('adminGb18218.reasonPlaceholder')}
                  autoSize={{ minRows: 1, maxRows: 3 }}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
                <Space>
                  <Button
                    type="primary"
                    loading={admin.publishing}
                    disabled={reason.trim() === ''}
                    onClick={() => void publish()}
                  >
                    {t('adminGb18218.publish')}
                  </Button>
                  <Button onClick={admin.discard}>{t('adminGb18218.discard')}</Button>
                </Space>
                {admin.failure ? (
                  <Alert
                    type="error"
                    showIcon
                    role="alert"
                    title={publishFailure(admin.failure, t)}
                  />
                ) : null}
              </Flex>
            ) : null}
            {tab === 'history' ? null : (
              // Outside the tab list: a tab list may hold only tabs.
              <Space>
                <Input.Search
                  allowClear
                  aria-label={t('adminGb18218.search')}
                  placeholder={t('adminGb18218.searchPlaceholder')}
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                  style={{ width: 240 }}
                />
                {tab === 'table1' ? (
                  <Button onClick={() => setEditing({ part: 'table1', row: null })}>
                    {t('adminGb18218.addRow')}
                  </Button>
                ) : null}
              </Space>
            )}
            <Tabs
              activeKey={tab}
              onChange={(key) => setTab(key as Tab)}
              items={(['table1', 'table2', 'history'] as const).map((key) => ({
                key,
                label: t(`adminGb18218.tabs.${key}`),
                children:
                  key === 'history' ? (
                    <EditionHistory state={admin.editions} />
                  ) : admin.working ? (
                    <EditionRowsTable
                      part={key}
                      table={admin.working}
                      edited={edited}
                      problems={admin.problems}
                      search={search}
                      onEdit={edit}
                    />
                  ) : null,
              }))}
            />
          </Flex>
        )}
      </LoadState>
      {editing && admin.working ? (
        <RowEditorModal
          table={admin.working}
          edit={editing}
          onCancel={() => setEditing(null)}
          onSave={(next) => {
            admin.edit(next);
            setEditing(null);
          }}
        />
      ) : null}
    </Flex>
  );
}
