import { Card, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reviewTimeline } from '../../../../domain/rules/review';
import type { TimelineEvent } from '../../../../domain/rules/review';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import { formatDateTime } from '../common/format-date';
import { AmendmentChanges } from '../submission/AmendmentChanges';

const colors: Record<TimelineEvent['kind'], string> = {
  started: 'gray',
  submitted: 'blue',
  amended: 'orange',
  returned: 'red',
  approved: 'green',
  resubmitted: 'blue',
  reopened: 'blue',
};

/** The record's history: started, submitted, each amendment, the review decisions. */
export function ReviewTimeline({
  inspection,
  users,
}: {
  inspection: Inspection;
  users: ReadonlyMap<string, User>;
}) {
  const { t, i18n } = useTranslation();
  const name = (id: string | null) =>
    (id === null ? undefined : users.get(id)?.displayName) ?? t('reviewDetail.someone');
  const text = (event: TimelineEvent): string => {
    switch (event.kind) {
      case 'amended':
        return t('reviewDetail.event.amended', { name: name(event.by), reason: event.reason });
      case 'returned':
        return t('reviewDetail.event.returned', { name: name(event.by), comment: event.comment });
      default:
        return t(`reviewDetail.event.${event.kind}`, { name: name(event.by) });
    }
  };
  // An amended event is one of the record's amendments: its hazard changes are shown under it.
  const amendmentOf = (event: TimelineEvent) =>
    event.kind === 'amended'
      ? inspection.amendments.find((a) => (a.recordedAt ?? a.at) === event.at && a.by === event.by)
      : undefined;
  return (
    <Card size="small" title={t('reviewDetail.history')}>
      <Timeline
        items={reviewTimeline(inspection).map((event, index) => {
          const amendment = amendmentOf(event);
          return {
            key: `${event.kind}:${index}`,
            color: colors[event.kind],
            content: (
              <>
                <div>{text(event)}</div>
                {amendment ? <AmendmentChanges amendment={amendment} /> : null}
                <Typography.Text type="secondary">
                  {formatDateTime(event.at, i18n.language)}
                </Typography.Text>
              </>
            ),
          };
        })}
      />
    </Card>
  );
}
