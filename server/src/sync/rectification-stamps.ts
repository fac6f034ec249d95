// Owns the times the server stamps on a finding's rectification steps: when a report of
// rectification, a request for more time and a decision on it were recorded is the time they
// reach the server, whatever the device wrote. Steps the server already holds keep the times it
// stamped: a device that sends them again with its own times (it had not pulled them back yet)
// changes nothing by it. Dates and times an officer states (the day reported or asked, the time of
// a re-inspection) are the officer's, checked by the rules (rectification-rules.ts).
import { isDeepStrictEqual } from 'node:util';
import type { ExtensionRequest, Finding, FindingEvent } from '../../../domain/schemas/finding';

type Report = NonNullable<Finding['rectification']>;

const unstampedReport = (r: Report) => ({ ...r, recordedAt: '' });
const unstampedEvent = (e: FindingEvent) =>
  e.kind === 'rectificationReported' ? { ...e, report: unstampedReport(e.report) } : e;
// The decision's service receipt is no stamp: it goes as sent (withReceiptOf), and the rules
// check it (a held one is never replaced or removed).
const unstampedRequest = ({ serviceReceipt: _receipt, ...e }: ExtensionRequest) => ({
  ...e,
  recordedAt: '',
  decision: e.decision && { ...e.decision, decidedAt: '' },
});

const withReceiptOf = (
  { serviceReceipt: _held, ...request }: ExtensionRequest,
  sent: ExtensionRequest,
): ExtensionRequest =>
  sent.serviceReceipt ? { ...request, serviceReceipt: sent.serviceReceipt } : request;

function stampedHistory(stored: readonly FindingEvent[], sent: FindingEvent[], at: string) {
  return sent.map((event, i) => {
    const held = stored[i];
    if (held !== undefined) {
      // A step the server holds, sent back as the device has it; anything else differing is a
      // rewrite, left as sent for the rules to refuse.
      return isDeepStrictEqual(unstampedEvent(held), unstampedEvent(event)) ? held : event;
    }
    return event.kind === 'rectificationReported'
      ? { ...event, report: { ...event.report, recordedAt: at } }
      : event;
  });
}

function stampedExtensions(
  stored: readonly ExtensionRequest[],
  sent: ExtensionRequest[],
  at: string,
): ExtensionRequest[] {
  return sent.map((request) => {
    const held = stored.find((e) => e.id === request.id);
    if (!held) {
      return {
        ...request,
        recordedAt: at,
        decision: request.decision && { ...request.decision, decidedAt: at },
      };
    }
    if (isDeepStrictEqual(unstampedRequest(held), unstampedRequest(request))) {
      return withReceiptOf(held, request);
    }
    // A decision given now to a held request: the request keeps its stamp, the decision gets one.
    const asked = (e: ExtensionRequest) => unstampedRequest({ ...e, decision: null });
    if (
      held.decision === null &&
      request.decision &&
      isDeepStrictEqual(asked(held), asked(request))
    ) {
      return withReceiptOf({ ...held, decision: { ...request.decision, decidedAt: at } }, request);
    }
    // Anything else differing is a change of a held request, left as sent for the rules to refuse.
    return request;
  });
}

/**
 * The finding a device sent, with the server's stamps: on steps it already holds, the times it
 * stamped; on new ones, `now`. `rectification` (the latest report) follows its step.
 */
export function stampRectification(
  stored: Record<string, unknown> | undefined,
  sent: Record<string, unknown>,
  now: Date,
): Record<string, unknown> {
  const held = stored as Partial<Finding> | undefined;
  const finding = sent as Partial<Finding>;
  const at = now.toISOString();
  const out: Record<string, unknown> = { ...sent };
  if (finding.history) {
    const history = stampedHistory(held?.history ?? [], finding.history, at);
    out.history = history;
    const report = finding.rectification;
    const latest = history.findLast((e) => e.kind === 'rectificationReported');
    if (
      report &&
      latest?.kind === 'rectificationReported' &&
      isDeepStrictEqual(unstampedReport(report), unstampedReport(latest.report))
    ) {
      out.rectification = latest.report;
    }
  }
  if (finding.extensions) {
    out.extensions = stampedExtensions(held?.extensions ?? [], finding.extensions, at);
  }
  return out;
}
