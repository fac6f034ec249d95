// The rows of Table 1 or Table 2 of the edition being edited, searched by name, alias, CAS, code
// or id, each marked when edited and with the server's refusal at its row and field.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Gb18218Table } from '../../../../../domain/data/gb18218-table';
import type {
  Table1Row,
  Table2Row,
  TableSource,
} from '../../../../../domain/data/gb18218-table-schema';
import type { RowProblem } from './useGb18218Admin';

type Part = 'table1' | 'table2';
type Row = Table1Row | Table2Row;

interface Props {
  part: Part;
  table: Gb18218Table;
  /** The ids of rows edited or added since the edition in force. */
  edited: ReadonlySet<string>;
  problems: readonly RowProblem[];
  search: string;
  onEdit: (row: Row) => void;
}

const words = (row: Row): string[] =>
  'code' in row
    ? [row.id, row.code, row.nameZh, row.nameEn]
    : [
        row.id,
        row.nameZh,
        row.nameEn,
        row.cas ?? '',
        ...(row.aliasesZh ?? []),
        ...(row.matchCas ?? []),
      ];

/** Whether the row matches every word of the search (case-insensitive). */
export function rowMatches(row: Row, search: string): boolean {
  const terms = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = words(row).join(' ').toLowerCase();
  return terms.every((term) => text.includes(term));
}

function SourceText({ source }: { source: TableSource }) {
  const { t, i18n } = useTranslation();
  if (source.kind === 'standard') {
    return (
      <>
        {t('adminGb18218.source.standard', {
          table: source.table,
          row: source.row ?? source.code ?? '',
        })}
      </>
    );
  }
  if (source.kind === 'builtIn') {
    return <>{i18n.language === 'en' ? source.noteEn : source.noteZh}</>;
  }
  return <>{t('adminGb18218.source.administrator', { reference: source.reference })}</>;
}

export function EditionRowsTable({ part, table, edited, problems, search, onEdit }: Props) {
  const { t } = useTranslation();
  const rows = (table[part] as Row[]).filter((row) => rowMatches(row, search));
  const problemsOf = (row: Row) => problems.filter((p) => p.part === part && p.rowId === row.id);
  const columns = [
    { key: 'id', title: t('adminGb18218.fields.id'), width: 90, dataIndex: 'id' },
    {
      key: 'name',
      title: t('adminGb18218.fields.name'),
      render: (_: unknown, row: Row) => (
        <Space orientation="vertical" size={0}>
          <span>{'code' in row ? `${row.code} ${row.nameZh}` : row.nameZh}</span>
          <Typography.Text type="secondary">{row.nameEn}</Typography.Text>
        </Space>
      ),
    },
    ...(part === 'table1'
      ? [
          {
            key: 'cas',
            title: t('adminGb18218.fields.cas'),
            width: 130,
            render: (_: unknown, row: Row) =>
              'code' in row ? null : (
                <Space orientation="vertical" size={0}>
                  <span>{row.cas ?? t('adminGb18218.noCas')}</span>
                  {row.variant ? (
                    <Typography.Text type="secondary">{row.variant}</Typography.Text>
                  ) : null}
                </Space>
              ),
          },
        ]
      : []),
    { key: 'Q', title: t('adminGb18218.fields.Q'), width: 90, dataIndex: 'Q' },
    {
      key: 'source',
      title: t('adminGb18218.fields.source'),
      width: 220,
      render: (_: unknown, row: Row) => (
        <Space orientation="vertical" size={2}>
          <SourceText source={row.source} />
          {row.flags?.length ? <Tag color="warning">{t('adminGb18218.flagged')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('adminGb18218.state'),
      width: 200,
      render: (_: unknown, row: Row) => (
        <Space orientation="vertical" size={2}>
          {edited.has(row.id) ? <Tag color="processing">{t('adminGb18218.edited')}</Tag> : null}
          {problemsOf(row).map((p, i) => (
            <Typography.Text key={i} type="danger" role="alert">
              {t('adminGb18218.problemAt', { field: p.field || p.part, message: p.message })}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('admin.actions'),
      width: 90,
      render: (_: unknown, row: Row) => (
        <Button
          size="small"
          aria-label={t('adminGb18218.correctNamed', { id: row.id })}
          onClick={() => onEdit(row)}
        >
          {t('adminGb18218.correct')}
        </Button>
      ),
    },
  ];
  return (
    // antd splits a table with a fixed header in two: the region names both.
    <section aria-label={t(`adminGb18218.tabs.${part}`)}>
      <Table<Row>
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: t('adminGb18218.noMatch') }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ y: 380 }}
      />
    </section>
  );
}
