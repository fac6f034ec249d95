import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format-date';
import { AmendmentDialog } from './AmendmentDialog';
import type { InspectionClosing } from './useInspectionClosing';

/** The amendment history of a submitted inspection, and the way to add one. */
export function AmendmentsPanel({ closing }: { closing: InspectionClosing }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const { inspection, users } = closing;
  return (
    <Card
      title={t('amendments.title')}
      size="small"
      extra={<Button onClick={() => setOpen(true)}>{t('amendments.amend')}</Button>}
    >
      {inspection.amendments.length === 0 ? (
        <Typography.Text type="secondary">{t('amendments.none')}</Typography.Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {inspection.amendments.map((a) => (
            <li key={`${a.at}:${a.by}`}>
              <Typography.Text>{a.reason}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {t('amendments.by', {
                  name: users.get(a.by)?.displayName ?? a.by,
                  at: formatDateTime(a.at, i18n.language),
                })}
              </Typography.Text>
            </li>
          ))}
        </ol>
      )}
      {open ? <AmendmentDialog closing={closing} open onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
