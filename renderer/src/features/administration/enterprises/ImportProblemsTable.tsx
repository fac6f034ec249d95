import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportProblem } from '../../../../../domain/schemas/admin-content';

interface Line {
  key: string;
  row: number | null;
  creditCode: string;
  name: string;
  column: string;
  reason: string;
}

/** Every bad row of an import and why, one line per problem, readable at 1366×768. */
export function ImportProblemsTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const reason = (p: ImportProblem) =>
    t(`adminEnterprises.problems.${p.code}`, { ...p.params, defaultValue: p.message });
  // A problem on the 装置单元 sheet names that sheet's row, not the enterprise's.
  const column = (p: ImportProblem) =>
    p.sheet === undefined
      ? (p.column ?? '')
      : [
          p.row === undefined
            ? p.sheet
            : t('adminEnterprises.importSheetRow', { sheet: p.sheet, row: p.row }),
          p.column,
        ]
          .filter(Boolean)
          .join(' · ');
  const lines: Line[] = [
    ...preview.fileProblems.map((p, i) => ({
      key: `file-${i}`,
      row: null,
      creditCode: '',
      name: '',
      column: column(p),
      reason: reason(p),
    })),
    ...preview.rows.flatMap((r) =>
      r.problems.map((p, i) => ({
        key: `${r.row}-${i}`,
        row: r.row,
        creditCode: r.creditCode,
        name: r.name,
        column: column(p),
        reason: reason(p),
      })),
    ),
  ];
  const columns: TableColumnsType<Line> = [
    {
      key: 'row',
      title: t('adminEnterprises.importRow'),
      width: 70,
      render: (_, l) => l.row ?? t('adminEnterprises.wholeFile'),
    },
    {
      key: 'creditCode',
      title: t('adminEnterprises.fields.creditCode'),
      dataIndex: 'creditCode',
      width: 190,
    },
    {
      key: 'name',
      title: t('adminEnterprises.fields.name'),
      dataIndex: 'name',
      width: 200,
      ellipsis: true,
    },
    { key: 'column', title: t('adminEnterprises.importColumn'), dataIndex: 'column', width: 150 },
    { key: 'reason', title: t('adminEnterprises.importReason'), dataIndex: 'reason' },
  ];
  return (
    <section aria-label={t('adminEnterprises.importProblems')}>
      <Table<Line>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={lines}
        scroll={{ y: 300 }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      />
    </section>
  );
}
