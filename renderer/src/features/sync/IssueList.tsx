import { Button, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface IssueRow {
  seq?: number;
  entity: string;
  id: string;
}

interface Props<R extends IssueRow> {
  label: string;
  emptyText: string;
  rows: R[];
  /** The line that names the record, e.g. "Hazard …1a2b3c4d was refused". */
  titleKey: string;
  describe: (row: R) => ReactNode;
  onDismiss: (seq: number) => void;
}

/** A list of sync issues, each naming its record, with a Dismiss button that keeps an audit copy. */
export function IssueList<R extends IssueRow>({
  label,
  emptyText,
  rows,
  titleKey,
  describe,
  onDismiss,
}: Props<R>) {
  const { t } = useTranslation();
  return (
    <List
      aria-label={label}
      dataSource={rows}
      // antd writes the empty text in its disabled grey, which is too faint to read.
      locale={{ emptyText: <Typography.Text type="secondary">{emptyText}</Typography.Text> }}
      renderItem={(row) => (
        <List.Item
          actions={[
            <Button key="dismiss" size="small" onClick={() => onDismiss(row.seq!)}>
              {t('syncDetail.dismiss')}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={t(titleKey, {
              entity: t(`syncDetail.entity.${row.entity}`),
              id: row.id.slice(-8),
            })}
            description={describe(row)}
          />
        </List.Item>
      )}
    />
  );
}
