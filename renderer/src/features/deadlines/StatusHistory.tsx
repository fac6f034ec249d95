import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineStep } from './finding-timeline';

interface Props {
  steps: TimelineStep[];
  people: ReadonlyMap<string, string>;
}

const COLOURS: Record<TimelineStep['kind'], string> = {
  found: 'blue',
  reported: 'orange',
  passed: 'green',
  failed: 'red',
  extensionRequested: 'purple',
  extensionGranted: 'cyan',
  extensionRefused: 'gray',
};

const withComment = (text: string, comment: string) =>
  comment === '' ? text : `${text} — ${comment}`;

/** The hazard's status history, oldest first. */
export function StatusHistory({ steps, people }: Props) {
  const { t } = useTranslation();
  const name = (id: string) => people.get(id) ?? t('deadlines.someone');
  const text = (step: TimelineStep) => {
    switch (step.kind) {
      case 'found':
        return t('deadlines.event.found', { deadline: step.deadline });
      case 'reported':
        return t('deadlines.event.reported', { date: step.reportedOn, name: name(step.by) });
      case 'passed':
        return t('deadlines.event.passed', { name: name(step.by) });
      case 'failed':
        return t('deadlines.event.failed', { name: name(step.by), deadline: step.deadline });
      case 'extensionRequested':
        return t('deadlines.event.extensionRequested', {
          date: step.requestedOn,
          deadline: step.deadline,
          reason: step.reason,
          name: name(step.by),
        });
      case 'extensionGranted':
        return withComment(
          t('deadlines.event.extensionGranted', { name: name(step.by), deadline: step.deadline }),
          step.comment,
        );
      case 'extensionRefused':
        return withComment(
          t('deadlines.event.extensionRefused', { name: name(step.by) }),
          step.comment,
        );
    }
  };
  return (
    <section aria-label={t('deadlines.history')}>
      <Timeline
        items={steps.map((step, i) => ({
          key: i,
          color: COLOURS[step.kind],
          content: `${step.date ?? '—'}  ${text(step)}`,
        }))}
      />
    </section>
  );
}
