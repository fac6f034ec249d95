import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '../../../../domain/schemas/inspection';
import { inTemplateOrder } from './template-order';

const resultColors = { pass: 'success', fail: 'error', na: 'default' };

/** Every checklist answer of the inspection, with its note, in the order of the template. */
export function ChecklistResults({
  results,
  items,
}: {
  results: readonly ItemResult[];
  items: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('reviewDetail.checklist')}>
      {results.length === 0 ? (
        <Typography.Text type="secondary">{t('reviewDetail.noResults')}</Typography.Text>
      ) : (
        <Table<ItemResult>
          rowKey="itemId"
          size="small"
          pagination={false}
          dataSource={inTemplateOrder(results, items)}
          columns={[
            {
              title: t('reviewDetail.item'),
              key: 'item',
              render: (_, r) => items.get(r.itemId) ?? r.itemId,
            },
            {
              title: t('reviewDetail.result'),
              key: 'result',
              render: (_, r) => (
                <Tag color={resultColors[r.result]}>{t(`amendments.result.${r.result}`)}</Tag>
              ),
            },
            {
              title: t('reviewDetail.note'),
              key: 'note',
              render: (_, r) => r.note || '—',
            },
          ]}
        />
      )}
    </Card>
  );
}
