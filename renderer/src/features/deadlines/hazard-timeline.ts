// A hazard's status history as the detail shows it, oldest first: found with its first deadline,
// then each report of rectification and each re-inspection from the finding's history.
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../domain/schemas/finding';

export type TimelineStep =
  | { kind: 'found'; date: string | null; deadline: string }
  | { kind: 'reported'; date: string; reportedOn: string; by: string }
  | { kind: 'passed'; date: string; by: string }
  | { kind: 'failed'; date: string; by: string; deadline: string };

export function hazardTimeline(finding: Finding, foundAt: string | null): TimelineStep[] {
  const history = finding.history ?? [];
  const firstCheck = history.find((e) => e.kind === 'reinspected');
  const steps: TimelineStep[] = [
    {
      kind: 'found',
      date: foundAt === null ? null : chinaDateOf(foundAt),
      deadline: firstCheck?.kind === 'reinspected' ? firstCheck.deadlineBefore : finding.deadline,
    },
  ];
  for (const event of history) {
    if (event.kind === 'rectificationReported') {
      steps.push({
        kind: 'reported',
        date: chinaDateOf(event.report.recordedAt),
        reportedOn: event.report.reportedOn,
        by: event.report.recordedBy,
      });
    } else {
      const { verification } = event;
      const date = chinaDateOf(verification.verifiedAt);
      steps.push(
        verification.result === 'passed'
          ? { kind: 'passed', date, by: verification.verifiedBy }
          : {
              kind: 'failed',
              date,
              by: verification.verifiedBy,
              deadline: event.newDeadline ?? finding.deadline,
            },
      );
    }
  }
  return steps;
}
