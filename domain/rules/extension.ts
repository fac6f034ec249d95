// Extensions of a rectification deadline (延期整改) as pure transitions: the bureau records the
// enterprise's request for more time, and a supervisor of an agency of the hazard's inspection who
// did not take part in it grants it (the deadline moves to the date granted) or refuses it (the
// deadline stays). The request and its decision are kept in the finding's `extensions`; each step
// is also appended to its history, naming the request, so the history keeps their order among
// the reports and re-inspections.
import type { ExtensionDecision, ExtensionRequest, Finding } from '../schemas/finding';
import type { Inspection } from '../schemas/inspection';
import type { User } from '../schemas/user';
import { isCalendarDate } from './calendar-date';
import type { Actor } from './rectification';

export type ExtensionProblem =
  | 'notOpen'
  | 'closed'
  | 'pending'
  | 'requestedOn.invalid'
  | 'requestedOn.future'
  | 'reason.required'
  | 'reason.tooLong'
  | 'requestedDeadline.invalid'
  | 'requestedDeadline.notLater'
  | 'decision.unknown'
  | 'decision.alreadyDecided'
  | 'newDeadline.required'
  | 'newDeadline.notAfterToday'
  | 'newDeadline.notAfterDeadline'
  | 'comment.required'
  | 'comment.tooLong';

/** Thrown by the transitions; `code` says which rule refused. */
export class ExtensionError extends Error {
  override readonly name = 'ExtensionError';
  constructor(readonly code: ExtensionProblem) {
    super(`extension refused: ${code}`);
  }
}

const MAX_TEXT = 2000;

export interface ExtensionRequestInput {
  /** YYYY-MM-DD: the date of the enterprise's request; not after today. */
  requestedOn: string;
  reason: string;
  /** The deadline asked for: later than today and than the current deadline. */
  requestedDeadline: string;
}

export interface ExtensionDecisionInput {
  extensionId: string;
  result: 'granted' | 'refused';
  /** Required when granted: later than today and than the current deadline. Ignored if refused. */
  newDeadline: string | null;
  /** Required when refused. */
  comment: string;
}

/** The request still waiting for a decision, if any (there is at most one). */
export function pendingExtension(finding: Pick<Finding, 'extensions'>): ExtensionRequest | null {
  return (finding.extensions ?? []).find((e) => e.decision === null) ?? null;
}

/** Why a request for more time cannot be recorded, or null when it can. */
export function extensionRequestProblem(
  finding: Pick<Finding, 'status' | 'deadline' | 'extensions'>,
  input: ExtensionRequestInput,
  today: string,
): ExtensionProblem | null {
  // More time is for putting the hazard right: once reported rectified or closed, it is moot.
  if (finding.status !== 'open') return 'notOpen';
  if (pendingExtension(finding)) return 'pending';
  if (!isCalendarDate(input.requestedOn)) return 'requestedOn.invalid';
  if (input.requestedOn > today) return 'requestedOn.future';
  const reason = input.reason.trim();
  if (reason === '') return 'reason.required';
  if (reason.length > MAX_TEXT) return 'reason.tooLong';
  if (!isCalendarDate(input.requestedDeadline)) return 'requestedDeadline.invalid';
  if (input.requestedDeadline <= today || input.requestedDeadline <= finding.deadline) {
    return 'requestedDeadline.notLater';
  }
  return null;
}

/** Why a decision on request `input.extensionId` cannot be recorded, or null when it can. */
export function extensionDecisionProblem(
  finding: Pick<Finding, 'status' | 'deadline' | 'extensions'>,
  input: ExtensionDecisionInput,
  today: string,
): ExtensionProblem | null {
  const request = (finding.extensions ?? []).find((e) => e.id === input.extensionId);
  if (!request) return 'decision.unknown';
  if (request.decision !== null) return 'decision.alreadyDecided';
  if (finding.status === 'closed') return 'closed';
  const comment = input.comment.trim();
  if (comment.length > MAX_TEXT) return 'comment.tooLong';
  if (input.result === 'refused') return comment === '' ? 'comment.required' : null;
  if (input.newDeadline === null || !isCalendarDate(input.newDeadline)) {
    return 'newDeadline.required';
  }
  if (input.newDeadline <= today) return 'newDeadline.notAfterToday';
  if (input.newDeadline <= finding.deadline) return 'newDeadline.notAfterDeadline';
  return null;
}

/** The finding with the request (numbered `id`) recorded and waiting for a decision. */
export function requestExtension(
  finding: Finding,
  input: ExtensionRequestInput,
  actor: Actor,
  id: string,
): Finding {
  const problem = extensionRequestProblem(finding, input, actor.today);
  if (problem) throw new ExtensionError(problem);
  const request: ExtensionRequest = {
    id,
    requestedOn: input.requestedOn,
    reason: input.reason.trim(),
    requestedDeadline: input.requestedDeadline,
    recordedBy: actor.userId,
    recordedAt: actor.at,
    decision: null,
  };
  return {
    ...finding,
    extensions: [...(finding.extensions ?? []), request],
    history: [...(finding.history ?? []), { kind: 'extensionRequested', extensionId: id }],
    updatedAt: actor.at,
  };
}

/** The finding with the decision recorded: a grant moves the deadline, a refusal does not. */
export function decideExtension(
  finding: Finding,
  input: ExtensionDecisionInput,
  actor: Actor,
): Finding {
  const problem = extensionDecisionProblem(finding, input, actor.today);
  if (problem) throw new ExtensionError(problem);
  const comment = input.comment.trim();
  const by = { decidedBy: actor.userId, decidedAt: actor.at };
  const decision: ExtensionDecision =
    input.result === 'granted' && input.newDeadline !== null
      ? { result: 'granted', newDeadline: input.newDeadline, comment, ...by }
      : { result: 'refused', comment, ...by };
  return {
    ...finding,
    deadline: decision.result === 'granted' ? decision.newDeadline : finding.deadline,
    extensions: (finding.extensions ?? []).map((e) =>
      e.id === input.extensionId ? { ...e, decision } : e,
    ),
    history: [
      ...(finding.history ?? []),
      {
        kind: 'extensionDecided',
        extensionId: input.extensionId,
        deadlineBefore: finding.deadline,
      },
    ],
    updatedAt: actor.at,
  };
}

export type ExtensionDeciderProblem = 'notSupervisor' | 'otherAgency' | 'tookPart';

/** Whether the user takes part in the inspection: its lead or one of its co-inspectors. */
export function takesPart(
  inspection: Pick<Inspection, 'leadInspectorId' | 'coInspectorIds'>,
  userId: string,
): boolean {
  return inspection.leadInspectorId === userId || inspection.coInspectorIds.includes(userId);
}

/**
 * Why `user` may not decide requests for more time on a hazard found by `inspection`, or null
 * when they may: only a supervisor of an agency the inspection names, who did not take part in
 * it (no one rules on their own order).
 */
export function extensionDeciderProblem(
  user: Pick<User, 'id' | 'role' | 'agencyId'>,
  inspection: Pick<Inspection, 'agencyIds' | 'leadInspectorId' | 'coInspectorIds'>,
): ExtensionDeciderProblem | null {
  if (user.role !== 'supervisor') return 'notSupervisor';
  if (!inspection.agencyIds.includes(user.agencyId)) return 'otherAgency';
  if (takesPart(inspection, user.id)) return 'tookPart';
  return null;
}
