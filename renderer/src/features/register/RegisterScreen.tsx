import { App, Button, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerLoadNotice } from '../common/ServerLoadNotice';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { documentKinds } from '../../../../domain/schemas/document';
import type { RegisterEntry } from '../../../../domain/sync/register-api';
import { useProfile } from '../../session/session-context';
import type { RegisterSearch } from '../../sync/api-client';
import { useRegisterSearch } from './useRegisterSearch';

const PAGE = 50;

type Fields = Record<'number' | 'enterprise' | 'kind' | 'from' | 'to', string>;
const EMPTY: Fields = { number: '', enterprise: '', kind: '', from: '', to: '' };

/** 文书登记: every official document number the user's register holds, searched on the server. */
export function RegisterScreen() {
  const { t, i18n } = useTranslation();
  const { client } = useProfile();
  const { message } = App.useApp();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [search, setSearch] = useState<RegisterSearch>({ limit: PAGE, offset: 0 });
  const [exporting, setExporting] = useState(false);
  const state = useRegisterSearch(search);
  const set = (name: keyof Fields) => (value: string) =>
    setFields((f) => ({ ...f, [name]: value }));

  async function exportAll() {
    setExporting(true);
    try {
      // The same search, every entry: no page of it.
      const found = { ...search };
      delete found.limit;
      delete found.offset;
      const data = await client.exportRegister(found, i18n.language === 'en' ? 'en' : 'zh-CN');
      const result = await window.api.saveFile({
        defaultName: `register-${todayInChina(new Date())}.xlsx`,
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data,
      });
      if (result.saved) void message.success(t('register.exported'));
    } catch {
      void message.error(t('register.exportFailed'));
    } finally {
      setExporting(false);
    }
  }

  const columns = [
    { key: 'number', title: t('register.number'), dataIndex: 'number' },
    {
      key: 'kind',
      title: t('register.kind'),
      render: (_: unknown, e: RegisterEntry) => t(`register.kinds.${e.kind}`),
    },
    {
      key: 'enterprise',
      title: t('register.enterprise'),
      render: (_: unknown, e: RegisterEntry) => e.enterpriseName ?? e.enterpriseId,
    },
    { key: 'issuedOn', title: t('register.issuedOn'), dataIndex: 'issuedOn' },
    {
      key: 'officers',
      title: t('register.officers'),
      render: (_: unknown, e: RegisterEntry) =>
        e.officers.map((o) => o.name ?? o.id).join(t('syncDetail.fieldSeparator')),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('register.title')}</Typography.Title>
      <form
        aria-label={t('register.search')}
        onSubmit={(event) => {
          event.preventDefault();
          const given = Object.entries(fields).filter(([, v]) => v.trim() !== '');
          setSearch({ ...Object.fromEntries(given), limit: PAGE, offset: 0 });
        }}
      >
        <Flex gap={8} wrap align="center">
          <Input
            aria-label={t('register.number')}
            placeholder={t('register.number')}
            value={fields.number}
            onChange={(e) => set('number')(e.target.value)}
            style={{ width: 200 }}
          />
          <Input
            aria-label={t('register.enterprise')}
            placeholder={t('register.enterprisePlaceholder')}
            value={fields.enterprise}
            onChange={(e) => set('enterprise')(e.target.value)}
            style={{ width: 200 }}
          />
          <Select
            aria-label={t('register.kind')}
            value={fields.kind}
            onChange={set('kind')}
            style={{ width: 180 }}
            options={[
              { value: '', label: t('register.allKinds') },
              ...documentKinds.map((k) => ({ value: k, label: t(`register.kinds.${k}`) })),
            ]}
          />
          <Input
            type="date"
            aria-label={t('register.from')}
            value={fields.from}
            onChange={(e) => set('from')(e.target.value)}
            style={{ width: 150 }}
          />
          <Input
            type="date"
            aria-label={t('register.to')}
            value={fields.to}
            onChange={(e) => set('to')(e.target.value)}
            style={{ width: 150 }}
          />
          <Button type="primary" htmlType="submit">
            {t('register.find')}
          </Button>
          <Button onClick={() => void exportAll()} loading={exporting}>
            {t('register.export')}
          </Button>
        </Flex>
      </form>
      <ServerLoadNotice
        state={state}
        offline={t('register.offline')}
        failed={(message) => t('register.failed', { message })}
      />
      {state.status === 'ready' && state.page.total === 0 ? (
        <Empty description={t('register.empty')} />
      ) : null}
      {state.status === 'ready' && state.page.total > 0 ? (
        <Table<RegisterEntry>
          rowKey="documentId"
          size="small"
          columns={columns}
          dataSource={state.page.entries}
          pagination={{
            current: Math.floor((Number(search.offset) || 0) / PAGE) + 1,
            pageSize: PAGE,
            total: state.page.total,
            showSizeChanger: false,
            showTotal: (total) => t('register.total', { count: total }),
            onChange: (page) => setSearch((s) => ({ ...s, offset: (page - 1) * PAGE })),
          }}
        />
      ) : null}
    </Flex>
  );
}
