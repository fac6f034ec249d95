import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { editionOf } from '../../../../../domain/rules/template-versions';
import { formatDateTime } from '../../common/format-date';
import type { Checklist } from './checklist-lineages';

export interface ChecklistActions {
  onPreview: (c: Checklist) => void;
  onDiff: (c: Checklist) => void;
  onCopy: (c: Checklist) => void;
  onRevise: (c: Checklist) => void;
  onRetire: (c: Checklist) => void;
}

interface Props extends ChecklistActions {
  checklists: Checklist[];
  /** Actions need the server: off while it cannot be reached. */
  online: boolean;
}

/** Every checklist with its versions' dates and status, and what an administrator may do. */
export function ChecklistTable({ checklists, online, ...on }: Props) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<Checklist> = [
    {
      key: 'title',
      title: t('adminTemplates.checklist'),
      render: (_, c) => (
        <Flex gap={6} wrap align="center">
          <Typography.Text strong>{c.latest.title}</Typography.Text>
          {c.builtIn ? <Tag color="gold">{t('adminTemplates.builtIn')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('adminTemplates.agencyKind'),
      width: 120,
      render: (_, c) => t(`adminTemplates.agencyKinds.${c.latest.agencyKind}`),
    },
    {
      key: 'versions',
      title: t('adminTemplates.versions'),
      width: 260,
      render: (_, c) => (
        <Flex vertical>
          {c.versions.map((v) => (
            <Typography.Text key={v.id} type={v === c.latest ? undefined : 'secondary'}>
              {t('adminTemplates.versionLabel', {
                edition: editionOf(v),
                date: formatDateTime(v.publishedAt ?? v.updatedAt, i18n.language),
              })}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('adminTemplates.status'),
      width: 100,
      render: (_, c) =>
        c.builtIn ? (
          <Tag>{t('adminTemplates.readOnly')}</Tag>
        ) : (
          <Tag color={c.status === 'published' ? 'green' : 'default'}>
            {t(`adminTemplates.statuses.${c.status}`)}
          </Tag>
        ),
    },
    {
      key: 'actions',
      title: t('adminTemplates.actions'),
      width: 330,
      render: (_, c) => {
        const own = !c.builtIn && c.status === 'published';
        const title = c.latest.title;
        return (
          <Flex gap={4} wrap>
            <Button
              size="small"
              onClick={() => on.onPreview(c)}
              aria-label={t('adminTemplates.previewOf', { title })}
            >
              {t('adminTemplates.preview')}
            </Button>
            {c.versions.length > 1 ? (
              <Button
                size="small"
                onClick={() => on.onDiff(c)}
                aria-label={t('adminTemplates.diffOf', { title })}
              >
                {t('adminTemplates.diff.button')}
              </Button>
            ) : null}
            <Button
              size="small"
              disabled={!online}
              onClick={() => on.onCopy(c)}
              aria-label={t('adminTemplates.copyOf', { title })}
            >
              {t('adminTemplates.copy')}
            </Button>
            {own ? (
              <Button
                size="small"
                disabled={!online}
                onClick={() => on.onRevise(c)}
                aria-label={t('adminTemplates.reviseOf', { title })}
              >
                {t('adminTemplates.revise')}
              </Button>
            ) : null}
            {own ? (
              <Button
                size="small"
                danger
                disabled={!online}
                onClick={() => on.onRetire(c)}
                aria-label={t('adminTemplates.retireOf', { title })}
              >
                {t('adminTemplates.retire')}
              </Button>
            ) : null}
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<Checklist>
      rowKey="lineageId"
      size="small"
      columns={columns}
      dataSource={checklists}
      pagination={false}
      scroll={{ y: 420 }}
    />
  );
}
