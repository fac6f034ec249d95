import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { formatDateTime } from '../common/format-date';
import { FindingEditor } from '../findings/FindingEditor';
import { AmendmentChanges } from './AmendmentChanges';
import { AmendmentDialog } from './AmendmentDialog';
import type { InspectionClosing } from './useInspectionClosing';

/**
 * The amendment history of a submitted inspection, and the ways to add one: correcting the
 * checklist and representative here, adding a hazard; a recorded hazard is corrected from its form.
 */
export function AmendmentsPanel({ closing }: { closing: InspectionClosing }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  // The id the added hazard gets; null while no hazard is being added.
  const [newFinding, setNewFinding] = useState<string | null>(null);
  const { inspection, users } = closing;
  return (
    <Card
      title={t('amendments.title')}
      size="small"
      extra={
        <Flex gap={8}>
          <Button onClick={() => setNewFinding(uuidv7())}>{t('amendments.addFinding')}</Button>
          <Button onClick={() => setOpen(true)}>{t('amendments.amend')}</Button>
        </Flex>
      }
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
              <AmendmentChanges amendment={a} />
            </li>
          ))}
        </ol>
      )}
      {open ? <AmendmentDialog closing={closing} open onClose={() => setOpen(false)} /> : null}
      {newFinding !== null ? (
        <FindingEditor
          key={newFinding}
          id={newFinding}
          inspectionId={inspection.id}
          enterpriseId={inspection.enterpriseId}
          // Deadlines are dates of the district's calendar.
          today={todayInChina(new Date())}
          onClose={() => setNewFinding(null)}
        />
      ) : null}
    </Card>
  );
}
