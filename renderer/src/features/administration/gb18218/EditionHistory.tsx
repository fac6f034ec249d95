import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EditionSummary } from '../../../../../domain/schemas/gb18218-edition';
import type { ServerLoad } from '../../common/useServerLoad';
import { formatDateTime } from '../../common/format-date';
import { LoadState } from '../directory/LoadState';

/** Every edition of the table, newest first: who published it, when and why. */
export function EditionHistory({ state }: { state: ServerLoad<EditionSummary[]> }) {
  const { t } = useTranslation();
  return (
    <LoadState
      state={state}
      empty={(list) => list.length === 0}
      emptyText={t('adminGb18218.noEditions')}
    >
      {(editions) => (
        <Table<EditionSummary>
          size="small"
          rowKey="revision"
          pagination={false}
          aria-label={t('adminGb18218.history')}
          dataSource={editions}
          columns={[
            { key: 'label', title: t('adminGb18218.edition'), dataIndex: 'label', width: 200 },
            {
              key: 'by',
              title: t('adminGb18218.publishedBy'),
              width: 140,
              render: (_: unknown, e: EditionSummary) =>
                e.publishedBy === null
                  ? t('adminGb18218.shipped')
                  : (e.publishedByName ?? e.publishedBy),
            },
            {
              key: 'at',
              title: t('adminGb18218.publishedAt'),
              width: 170,
              render: (_: unknown, e: EditionSummary) =>
                e.publishedAt === null ? '' : formatDateTime(e.publishedAt),
            },
            {
              key: 'reason',
              title: t('adminGb18218.reason'),
              render: (_: unknown, e: EditionSummary) =>
                e.reason ?? t('adminGb18218.shippedReason'),
            },
          ]}
        />
      )}
    </LoadState>
  );
}
