import { Button, Flex, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateDraft } from '../../../../../domain/schemas/admin-content';
import { formatDateTime } from '../../common/format-date';

interface Props {
  drafts: TemplateDraft[];
  onEdit: (draft: TemplateDraft) => void;
  onDiscard: (draft: TemplateDraft) => void;
}

/** The drafts the server keeps, newest edit first: each is edited, published or discarded. */
export function DraftTable({ drafts, onEdit, onDiscard }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<TemplateDraft> = [
    { key: 'title', title: t('adminTemplates.draft'), render: (_, d) => d.content.title },
    {
      key: 'kind',
      title: t('adminTemplates.draftKind'),
      width: 160,
      render: (_, d) =>
        d.lineageId === null ? t('adminTemplates.newChecklist') : t('adminTemplates.nextVersion'),
    },
    {
      key: 'updatedAt',
      title: t('adminTemplates.savedAt'),
      width: 180,
      render: (_, d) => formatDateTime(d.updatedAt, i18n.language),
    },
    {
      key: 'actions',
      title: t('adminTemplates.actions'),
      width: 200,
      render: (_, d) => (
        <Flex gap={4}>
          <Button
            size="small"
            type="primary"
            onClick={() => onEdit(d)}
            aria-label={t('adminTemplates.editOf', { title: d.content.title })}
          >
            {t('adminTemplates.edit')}
          </Button>
          <Button
            size="small"
            danger
            onClick={() => onDiscard(d)}
            aria-label={t('adminTemplates.discardOf', { title: d.content.title })}
          >
            {t('adminTemplates.discard')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <Table<TemplateDraft>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={drafts}
      pagination={false}
    />
  );
}
