// Owns the write rules of a finding's rectification state: its status, deadline, verification,
// latest report of rectification, history and requests for more time. Who may change it when they
// did not find the hazard (rectificationWrite), and, for every writer, admins included, how
// (checkRectification): the history is a ledger that only grows, and every other field of the
// state must be what the domain's transitions make of the stored state with exactly the steps
// appended in the same mutation. Returns the refusal (domain/sync/refusals.ts) when refused.
import { isDeepStrictEqual } from 'node:util';
import { chinaDateOf, todayInChina } from '../../../domain/rules/calendar-date';
import {
  ExtensionError,
  decideExtension,
  extensionDeciderProblem,
  requestExtension,
} from '../../../domain/rules/extension';
import type { ExtensionProblem } from '../../../domain/rules/extension';
import {
  extensionReceiptProblem,
  mayRecordExtensionReceipt,
} from '../../../domain/rules/extension-receipt';
import {
  RectificationError,
  officersOf,
  recordReinspection,
  reportRectification,
  verificationsOf,
} from '../../../domain/rules/rectification';
import type {
  Actor,
  RectificationProblem,
  ReinspectionVisit,
} from '../../../domain/rules/rectification';
import type {
  ExtensionRequest,
  Finding,
  FindingEvent,
  Verification,
} from '../../../domain/schemas/finding';
import type { User } from '../../../domain/schemas/user';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal, RefusalCode } from '../../../domain/sync/refusals';
import type { WriteCheck } from './write-rules';

/**
 * What a supervisor, or an inspector re-inspecting a hazard found by others, may change on a
 * finding in their jurisdiction: its rectification state.
 */
export const RECTIFICATION_FIELDS: ReadonlySet<string> = new Set([
  'status',
  'verification',
  'deadline',
  'rectification',
  'history',
  'extensions',
]);

/** The fields of inspections these rules read beyond those the other write rules read. */
export const RECTIFICATION_REFERENCED_FIELDS = ['agencyIds', 'startedAt'] as const;

/**
 * How far ahead of the server's clock a time an officer states may be: a device's clock that runs
 * a few minutes fast must not make a report of today "in the future" just before midnight.
 */
export const STATED_TIME_TOLERANCE_MS = 10 * 60_000;

const takesPart = (inspection: Record<string, unknown> | undefined, userId: string) =>
  inspection !== undefined &&
  (inspection.leadInspectorId === userId ||
    (Array.isArray(inspection.coInspectorIds) && inspection.coInspectorIds.includes(userId)));

/**
 * Who may change a finding's rectification state without having found the hazard (checkWrite has
 * checked their jurisdiction): they change nothing else. How they change it is
 * checkRectification's, as for everyone.
 */
export function rectificationWrite(_user: User, check: WriteCheck): Refusal | null {
  const other = [...check.changed].filter((f) => !RECTIFICATION_FIELDS.has(f));
  if (other.length > 0) {
    return refusal('rectificationOnly', { fields: other.join(', ') });
  }
  return null;
}

/** The inspections a finding's data names as re-inspection visits: the push loads them. */
export function rectificationVisitIds(data: Record<string, unknown>): unknown[] {
  const ids: unknown[] = [(data.verification as { inspectionId?: unknown } | null)?.inspectionId];
  if (Array.isArray(data.history)) {
    for (const event of data.history as { verification?: { inspectionId?: unknown } }[]) {
      ids.push(event.verification?.inspectionId);
    }
  }
  return ids;
}

const RECTIFICATION_REFUSALS: Partial<Record<RectificationProblem, RefusalCode>> = {
  notOpen: 'reportNeedsOpen',
  notRectified: 'reinspectionNeedsRectified',
  'reportedOn.future': 'statedDateFuture',
  'photos.required': 'passNeedsPhotos',
  'newDeadline.required': 'newDeadlineRequired',
  'newDeadline.notAfterToday': 'newDeadlineNotAfterToday',
};

const EXTENSION_REFUSALS: Partial<Record<ExtensionProblem, RefusalCode>> = {
  notOpen: 'extensionNeedsOpen',
  closed: 'extensionClosed',
  pending: 'extensionPending',
  'requestedOn.future': 'statedDateFuture',
  'requestedDeadline.notLater': 'extensionDeadlineNotLater',
  'decision.unknown': 'extensionNotPending',
  'decision.alreadyDecided': 'extensionNotPending',
  'newDeadline.notAfterToday': 'newDeadlineNotAfterToday',
  'newDeadline.notAfterDeadline': 'grantNotAfterDeadline',
};

const DECIDER_REFUSALS = {
  notSupervisor: 'extensionBySupervisor',
  otherAgency: 'extensionOtherAgency',
  tookPart: 'extensionTookPart',
} as const satisfies Record<string, RefusalCode>;

/** What a replayed step needs besides the state: who, when, and the records it names. */
interface Replay {
  user: User;
  check: WriteCheck;
  after: Finding;
  /** The inspection that found the hazard. */
  found: Record<string, unknown> | undefined;
  now: Date;
  /** The server's date in China, and the latest date an officer may state. */
  today: string;
  statedToday: string;
}

type Step = { state: Finding } | { refused: Refusal };

const unexplained = (fields: string): Step => ({
  refused: refusal('rectificationUnexplained', { fields }),
});

/** Runs a domain transition; its refusal becomes the push's, under the rule's own code. */
function transition(run: () => Finding, today: string): Step {
  try {
    return { state: run() };
  } catch (e) {
    const code =
      e instanceof RectificationError
        ? RECTIFICATION_REFUSALS[e.code]
        : e instanceof ExtensionError
          ? EXTENSION_REFUSALS[e.code]
          : undefined;
    if (e instanceof RectificationError || e instanceof ExtensionError) {
      if (code === 'newDeadlineNotAfterToday') return { refused: refusal(code, { today }) };
      return code ? { refused: refusal(code) } : unexplained('history');
    }
    throw e;
  }
}

/** The step the transition appended must be the one sent, exactly. */
function appended(step: Step, event: FindingEvent): Step {
  if ('refused' in step) return step;
  return isDeepStrictEqual(step.state.history?.at(-1), event) ? step : unexplained('history');
}

/**
 * Whether a verification is out of step with the hazard's history: it must come after the hazard
 * was found, on or after the day the rectification it verifies was reported, and after the
 * hazard's previous re-inspection. A verification sent again from an earlier visit fails this.
 */
function stale(state: Finding, verifiedAt: string, found: Record<string, unknown> | undefined) {
  const at = Date.parse(verifiedAt);
  const foundAt = typeof found?.startedAt === 'string' ? Date.parse(found.startedAt) : NaN;
  if (!(at >= foundAt)) return true;
  const report = state.rectification;
  if (report && chinaDateOf(verifiedAt) < report.reportedOn) return true;
  const previous = verificationsOf(state).at(-1);
  return previous !== undefined && !(at > Date.parse(previous.verifiedAt));
}

/** An inspection's officers as the rules read them, or null when the record lacks them. */
function officersOfRecord(record: Record<string, unknown>): Omit<ReinspectionVisit, 'id'> | null {
  const { leadInspectorId, coInspectorIds } = record;
  if (typeof leadInspectorId !== 'string' || !Array.isArray(coInspectorIds)) return null;
  if (!coInspectorIds.every((id) => typeof id === 'string')) return null;
  return { leadInspectorId, coInspectorIds: coInspectorIds as string[] };
}

/**
 * The checks of a verification the replay cannot make from the state alone: that the caller made
 * it, at a re-inspection visit of this enterprise they took part in, on that visit's day, not in
 * the future, in step with the history, naming the visit's officers. Answers the visit.
 */
function verificationProblem(
  r: Replay,
  state: Finding,
  v: Verification,
): { refused: Refusal } | { visit: ReinspectionVisit } {
  const refused = (code: RefusalCode) => ({ refused: refusal(code) });
  // Admins keep the records; re-inspecting is an officer's field work.
  if (r.user.role === 'admin') return refused('reinspectionByOfficer');
  if (v.verifiedBy !== r.user.id) return refused('verifierMustBeYou');
  const record = r.check.lookup('inspection', v.inspectionId);
  const officers = record ? officersOfRecord(record) : null;
  if (
    !record ||
    !officers ||
    record.kind !== 'reinspection' ||
    record.enterpriseId !== r.after.enterpriseId ||
    !takesPart(record, r.user.id)
  ) {
    return refused('verificationVisit');
  }
  if (Date.parse(v.verifiedAt) > r.now.getTime() + STATED_TIME_TOLERANCE_MS) {
    return refused('statedDateFuture');
  }
  const visitDay = typeof record.startedAt === 'string' ? chinaDateOf(record.startedAt) : null;
  if (chinaDateOf(v.verifiedAt) !== visitDay) return refused('verificationDate');
  if (stale(state, v.verifiedAt, r.found)) return refused('verificationStale');
  const visit = { id: v.inspectionId, ...officers };
  if (!isDeepStrictEqual(v.officerIds, officersOf(visit))) return refused('verificationOfficers');
  return { visit };
}

function replayReinspection(
  r: Replay,
  state: Finding,
  event: Extract<FindingEvent, { kind: 'reinspected' }>,
): Step {
  const v = event.verification;
  const checked = verificationProblem(r, state, v);
  if ('refused' in checked) return checked;
  // The re-inspection happened when the officer says (checked above), not when it arrived.
  const actor: Actor = { userId: r.user.id, at: v.verifiedAt, today: r.today };
  const input = {
    result: v.result,
    photos: v.photos,
    note: v.note ?? '',
    newDeadline: event.newDeadline,
  };
  return appended(
    transition(() => recordReinspection(state, input, actor, checked.visit), r.today),
    event,
  );
}

function replayExtension(
  r: Replay,
  state: Finding,
  event: Extract<FindingEvent, { kind: 'extensionRequested' | 'extensionDecided' }>,
): Step {
  const request: ExtensionRequest | undefined = r.after.extensions?.find(
    (e) => e.id === event.extensionId,
  );
  if (!request) return unexplained('extensions');
  const now = r.now.toISOString();
  if (event.kind === 'extensionRequested') {
    if (request.recordedBy !== r.user.id) return { refused: refusal('recorderMustBeYou') };
    const actor: Actor = { userId: r.user.id, at: now, today: r.statedToday };
    return appended(
      transition(() => requestExtension(state, request, actor, request.id), r.today),
      event,
    );
  }
  const decision = request.decision;
  if (!decision) return unexplained('extensions');
  const officers = r.found ? officersOfRecord(r.found) : null;
  const agencyIds = r.found?.agencyIds;
  const decider =
    officers && Array.isArray(agencyIds)
      ? extensionDeciderProblem(r.user, { ...officers, agencyIds: agencyIds as string[] })
      : 'otherAgency';
  if (decider) return { refused: refusal(DECIDER_REFUSALS[decider]) };
  if (decision.decidedBy !== r.user.id) return { refused: refusal('recorderMustBeYou') };
  const input = {
    extensionId: request.id,
    result: decision.result,
    newDeadline: decision.result === 'granted' ? decision.newDeadline : null,
    comment: decision.comment,
  };
  const actor: Actor = { userId: r.user.id, at: now, today: r.today };
  return appended(
    transition(() => decideExtension(state, input, actor), r.today),
    event,
  );
}

function replay(r: Replay, state: Finding, event: FindingEvent): Step {
  switch (event.kind) {
    case 'rectificationReported': {
      if (event.report.recordedBy !== r.user.id) return { refused: refusal('recorderMustBeYou') };
      const actor: Actor = { userId: r.user.id, at: r.now.toISOString(), today: r.statedToday };
      return appended(
        transition(() => reportRectification(state, event.report, actor), r.today),
        event,
      );
    }
    case 'reinspected':
      return replayReinspection(r, state, event);
    default:
      return replayExtension(r, state, event);
  }
}

/**
 * A request without its decision's service receipt: the ledger replays the requests and their
 * decisions; the receipt, served afterwards, is checked on its own (receiptRefusal).
 */
const unserved = ({ serviceReceipt: _receipt, ...request }: ExtensionRequest) => request;

/** A stored request as sent again: unchanged, but for a decision it may have been given now. */
const sameRequest = (stored: ExtensionRequest, sent: ExtensionRequest | undefined) => {
  const held = unserved(stored);
  return (
    sent !== undefined &&
    isDeepStrictEqual(held, unserved(held.decision === null ? { ...sent, decision: null } : sent))
  );
};

/**
 * The state the appended steps start from: the stored finding, or for a new one a hazard just
 * found. While its inspection is a draft and nothing has happened to it, a hazard's deadline is
 * the one its officers give it in its form: the steps start from that.
 */
function startState(
  r: Replay,
  before: Finding | undefined,
  steps: readonly FindingEvent[],
): Finding {
  const { after, found } = r;
  const start: Finding = before ?? {
    ...after,
    status: 'open',
    verification: null,
    rectification: null,
    history: [],
    extensions: [],
  };
  const writingForm = found?.status === 'draft' && takesPart(found, r.user.id);
  if (before && (!writingForm || LEDGER.history(before).length > 0)) return start;
  const first = steps.find((e) => e.kind === 'reinspected' || e.kind === 'extensionDecided');
  const deadline = first && 'deadlineBefore' in first ? first.deadlineBefore : after.deadline;
  return { ...start, deadline };
}

/** The fields of the state, as compared (absent and empty are the same). */
const LEDGER = {
  status: (f: Finding) => f.status,
  deadline: (f: Finding) => f.deadline,
  verification: (f: Finding) => f.verification,
  rectification: (f: Finding) => f.rectification ?? null,
  history: (f: Finding) => f.history ?? [],
  extensions: (f: Finding) => (f.extensions ?? []).map(unserved),
};

const RECEIPT_REFUSALS = {
  document: 'receiptDocument',
  notGranted: 'extensionReceiptNotGranted',
  alreadyServed: 'receiptFixed',
  beforeRequest: 'extensionReceiptBeforeRequest',
  servedBy: 'extensionReceiptServedBy',
} as const satisfies Record<string, RefusalCode>;

/**
 * The service receipts of granted decisions (延期整改审批表), kept on the requests they serve: a
 * held one never changes or goes; a new one is recorded by one who may serve it (not an
 * administrator) and serves a decision that was granted, by its supervisor
 * or the hazard's officers, not before the day asked nor after the server's now (with the same
 * tolerance as other stated times). Kept on the request rather than on the inspection's receipts
 * so that the grant it serves, and a receipt already recorded, are this record's own: no other
 * record, nor the order in which a batch brings them, decides it. Its signatures are checked,
 * like photos, by the push (photo-references.ts, through blob-references.ts).
 */
function receiptRefusal(r: Replay, before: Finding | undefined): Refusal | null {
  const held = before?.extensions ?? [];
  for (const stored of held) {
    if (!stored.serviceReceipt) continue;
    const sent = r.after.extensions?.find((e) => e.id === stored.id)?.serviceReceipt;
    if (!isDeepStrictEqual(sent, stored.serviceReceipt)) return refusal('receiptFixed');
  }
  const officers = r.found ? officersOfRecord(r.found) : null;
  for (const request of r.after.extensions ?? []) {
    const receipt = request.serviceReceipt;
    if (!receipt || held.some((e) => e.id === request.id && e.serviceReceipt)) continue;
    const servers = officers ?? { leadInspectorId: '', coInspectorIds: [] };
    if (!mayRecordExtensionReceipt(unserved(request), servers, r.user)) {
      return refusal('extensionReceiptRecorder');
    }
    const problem = extensionReceiptProblem(unserved(request), receipt, servers);
    if (problem === 'document') return refusal('receiptDocument', { document: receipt.document });
    if (problem) return refusal(RECEIPT_REFUSALS[problem]);
    if (Date.parse(receipt.servedAt) > r.now.getTime() + STATED_TIME_TOLERANCE_MS) {
      return refusal('extensionReceiptFuture');
    }
  }
  return null;
}

/**
 * The ledger rule, for every writer of a finding, admins included: the history only grows; the
 * requests for more time only gain their decision; and the status, deadline, verification, report
 * and requests are what replaying the appended steps, through the domain's transitions, as the
 * caller at the server's time, makes of the stored state. Closing, and moving the deadline, thus
 * happen only through a step that allows them.
 */
export function checkRectification(user: User, check: WriteCheck, now: Date): Refusal | null {
  if (check.entity !== 'finding') return null;
  if (![...check.changed].some((f) => RECTIFICATION_FIELDS.has(f))) return null;
  // Both have passed the finding schema (the stored one when it was written).
  const before = check.before as Finding | undefined;
  const after = check.after as Finding;
  const held = before ? LEDGER.history(before) : [];
  const history = LEDGER.history(after);
  if (history.length < held.length || held.some((e, i) => !isDeepStrictEqual(e, history[i]))) {
    return refusal('historyRewritten');
  }
  const requests = before ? LEDGER.extensions(before) : [];
  if (requests.some((e, i) => !sameRequest(e, LEDGER.extensions(after)[i]))) {
    return refusal('extensionsRewritten');
  }
  const found = check.lookup('inspection', after.inspectionId);
  const steps = history.slice(held.length);
  const r: Replay = {
    user,
    check,
    after,
    found,
    now,
    today: todayInChina(now),
    statedToday: todayInChina(new Date(now.getTime() + STATED_TIME_TOLERANCE_MS)),
  };
  let state = startState(r, before, steps);
  for (const event of steps) {
    const step = replay(r, state, event);
    if ('refused' in step) return step.refused;
    state = step.state;
  }
  const wrong = Object.entries(LEDGER)
    .filter(([, read]) => !isDeepStrictEqual(read(state), read(after)))
    .map(([field]) => field);
  if (wrong.length === 0) return receiptRefusal(r, before);
  if (wrong.includes('status') && after.status === 'closed') {
    return refusal('closeNeedsPassedReinspection');
  }
  if (wrong.includes('deadline')) return refusal('deadlineNeedsFailedReinspection');
  return refusal('rectificationUnexplained', { fields: wrong.join(', ') });
}
