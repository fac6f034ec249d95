// A hazard's status history as the detail shows it, oldest first: found with its first deadline,
// then each report of rectification, re-inspection, request for more time and decision on it, from
// the finding's history (the requests' details from its `extensions`).
import { chinaDateOf } from '../../../../domain/rules/calendar-date';
import { originalDeadline } from '../../../../domain/rules/rectification';
import type { ExtensionRequest, Finding, FindingEvent } from '../../../../domain/schemas/finding';

export type TimelineStep =
  | { kind: 'found'; date: string | null; deadline: string }
  | { kind: 'reported'; date: string; reportedOn: string; by: string }
  | { kind: 'passed'; date: string; by: string }
  | { kind: 'failed'; date: string; by: string; deadline: string }
  | {
      kind: 'extensionRequested';
      date: string;
      by: string;
      requestedOn: string;
      deadline: string;
      reason: string;
    }
  | { kind: 'extensionGranted'; date: string; by: string; deadline: string; comment: string }
  | { kind: 'extensionRefused'; date: string; by: string; comment: string };

function extensionStep(
  event: Extract<FindingEvent, { kind: 'extensionRequested' | 'extensionDecided' }>,
  request: ExtensionRequest | undefined,
): TimelineStep | null {
  if (!request) return null;
  const { decision } = request;
  if (event.kind === 'extensionRequested') {
    return {
      kind: 'extensionRequested',
      date: chinaDateOf(request.recordedAt),
      by: request.recordedBy,
      requestedOn: request.requestedOn,
      deadline: request.requestedDeadline,
      reason: request.reason,
    };
  }
  if (!decision) return null;
  const decided = { date: chinaDateOf(decision.decidedAt), by: decision.decidedBy };
  return decision.result === 'granted'
    ? {
        kind: 'extensionGranted',
        ...decided,
        deadline: decision.newDeadline,
        comment: decision.comment,
      }
    : { kind: 'extensionRefused', ...decided, comment: decision.comment };
}

function step(finding: Finding, event: FindingEvent): TimelineStep | null {
  switch (event.kind) {
    case 'rectificationReported':
      return {
        kind: 'reported',
        date: chinaDateOf(event.report.recordedAt),
        reportedOn: event.report.reportedOn,
        by: event.report.recordedBy,
      };
    case 'reinspected': {
      const { verification } = event;
      const date = chinaDateOf(verification.verifiedAt);
      return verification.result === 'passed'
        ? { kind: 'passed', date, by: verification.verifiedBy }
        : {
            kind: 'failed',
            date,
            by: verification.verifiedBy,
            deadline: event.newDeadline ?? finding.deadline,
          };
    }
    default:
      return extensionStep(
        event,
        finding.extensions?.find((e) => e.id === event.extensionId),
      );
  }
}

export function findingTimeline(finding: Finding, foundAt: string | null): TimelineStep[] {
  const steps: TimelineStep[] = [
    {
      kind: 'found',
      date: foundAt === null ? null : chinaDateOf(foundAt),
      deadline: originalDeadline(finding),
    },
  ];
  for (const event of finding.history ?? []) {
    const next = step(finding, event);
    if (next) steps.push(next);
  }
  return steps;
}

/** Everyone the hazard's history names: who recorded, re-inspected and decided each step. */
export function peopleInHistory(finding: Finding): string[] {
  const ids = (finding.history ?? []).map((e) =>
    e.kind === 'reinspected'
      ? e.verification.verifiedBy
      : e.kind === 'rectificationReported'
        ? e.report.recordedBy
        : '',
  );
  for (const request of finding.extensions ?? []) {
    ids.push(request.recordedBy);
    if (request.decision) ids.push(request.decision.decidedBy);
  }
  if (finding.verification) ids.push(finding.verification.verifiedBy);
  return [...new Set(ids.filter((id) => id !== ''))];
}
