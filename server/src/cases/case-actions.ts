// Owns every change of a penalty case, each in one transaction with the case locked: opening
// (from an eligible record, see case-origin.ts), a supervisor's approval (立案, which numbers the
// case), moving to the next stage in the statutory order (numbering the notice and the decision),
// linking evidence, recording the service of its notice and decision (case-receipts.ts), and
// amending a closed case. Who may do each, the order, and every time are the server's: a request
// names only what it wants and the case version it saw. Who may do each step is
// domain/rules/penalty-stages.ts's (its opening comment says why).
import { v7 as uuidv7 } from 'uuid';
import type {
  CaseAdvanceRequest,
  CaseAmendmentRequest,
  CaseApprovalRequest,
  CaseEvidenceRequest,
  CaseOpenRequest,
  CaseReceiptRequest,
} from '../../../domain/sync/cases-api';
import {
  currentStep,
  mayApprove,
  mayEnter,
  mayHandle,
  STAGE_ACTORS,
  nextStages,
  STAGE_DOCUMENTS,
  stageDueOn,
} from '../../../domain/rules/penalty-stages';
import type { PenaltyCase } from '../../../domain/schemas/penalty-case';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { registerCaseDocument } from '../register/case-documents';
import { caseOriginFacts } from './case-origin';
import { checkEvidence } from './case-evidence';
import { checkCaseReceipt, referReceiptBlobs } from './case-receipts';
import { insertCase, liveCaseOf, lockedCase, maySee, updateCase } from './case-store';

const forbidden = (message: string) => new ApiError(403, 'case_forbidden', message);

/**
 * The handling officers of a case opened by `user`: they, and the officers of their agency who
 * did the inspection it comes from (an officer since moved to another agency is not one).
 */
async function handlersFor(
  tx: Queryable,
  user: User,
  inspectionOfficers: readonly string[],
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM records
     WHERE entity = 'user' AND deleted_at IS NULL AND data->>'agencyId' = $1
       AND id IN (SELECT value::uuid FROM jsonb_array_elements_text($2::jsonb))`,
    [user.agencyId, JSON.stringify(inspectionOfficers)],
  );
  const same = new Set(rows.map((r) => r.id));
  return [...new Set([user.id, ...inspectionOfficers.filter((id) => same.has(id))])];
}

function requireHandler(user: User, c: PenaltyCase, what: string): void {
  if (!mayHandle(user, c)) {
    throw forbidden(`Only the case's handling officers or a supervisor of its agency ${what}.`);
  }
}

/** The officers who did something in the case, in order: the documents name them. */
const officersOf = (c: PenaltyCase) => [
  c.openedBy,
  ...(c.approval ? [c.approval.by] : []),
  ...c.steps.flatMap((s) => [s.startedBy, ...(s.completedBy ? [s.completedBy] : [])]),
];

export async function openCase(
  db: Database,
  user: User,
  request: CaseOpenRequest,
  now: Date,
): Promise<PenaltyCase> {
  if (user.role === 'admin') throw forbidden('Administrators do not open cases.');
  return db.transaction(async (tx) => {
    const facts = await caseOriginFacts(tx, user, request.origin, now);
    if (await liveCaseOf(tx, request.origin.recordId)) {
      throw new ApiError(409, 'case_exists', 'A case opened from that record is pending or open.');
    }
    const at = now.toISOString();
    const c: PenaltyCase = {
      id: uuidv7(),
      version: 1,
      agencyId: user.agencyId,
      enterpriseId: facts.enterpriseId,
      town: facts.town,
      origin: { ...request.origin, inspectionId: facts.inspectionId },
      summary: request.summary,
      status: 'pending',
      number: null,
      openedBy: user.id,
      openedAt: at,
      handlers: await handlersFor(tx, user, facts.inspectionOfficers),
      approval: null,
      steps: [
        {
          stage: 'filing',
          startedAt: at,
          startedBy: user.id,
          dueOn: stageDueOn('filing', at, null),
          completedAt: null,
          completedBy: null,
          note: '',
        },
      ],
      evidence: [],
      documents: [],
      amendments: [],
    };
    await insertCase(tx, c, now);
    return c;
  });
}

/** Locks the case, and checks that the caller may see it and saw its latest version. */
async function caseToChange(
  tx: Queryable,
  user: User,
  id: string,
  version: number,
): Promise<PenaltyCase> {
  const c = await lockedCase(tx, id);
  if (!c || !maySee(user, c)) throw new ApiError(404, 'case_not_found', 'No such case.');
  if (user.role === 'admin') throw forbidden('Administrators do not work on cases.');
  if (c.version !== version) {
    throw new ApiError(
      409,
      'case_stale',
      `The case changed (version ${c.version}, not ${version}): reload it and try again.`,
    );
  }
  return c;
}

function requireStatus(c: PenaltyCase, status: PenaltyCase['status']): void {
  if (c.status === 'closed' && status !== 'closed') {
    throw new ApiError(409, 'case_closed', 'The case is closed: it changes only by amendment.');
  }
  if (c.status !== status) {
    throw new ApiError(409, 'case_status', `The case is ${c.status}, not ${status}.`);
  }
}

async function change(
  db: Database,
  user: User,
  id: string,
  version: number,
  now: Date,
  fn: (c: PenaltyCase, tx: Queryable) => Promise<PenaltyCase>,
): Promise<PenaltyCase> {
  return db.transaction(async (tx) => {
    const before = await caseToChange(tx, user, id, version);
    const after = { ...(await fn(before, tx)), version: before.version + 1 };
    await updateCase(tx, after, now);
    return after;
  });
}

export function decideApproval(
  db: Database,
  user: User,
  id: string,
  request: CaseApprovalRequest,
  now: Date,
): Promise<PenaltyCase> {
  return change(db, user, id, request.version, now, async (c, tx) => {
    requireStatus(c, 'pending');
    if (!mayApprove(user, c)) {
      throw forbidden(
        'A case is approved by a supervisor of its agency who neither applied for it nor handles it.',
      );
    }
    const at = now.toISOString();
    const approval = { approved: request.approved, by: user.id, at, comment: request.comment };
    const steps = c.steps.map((s) =>
      s.stage === 'filing'
        ? { ...s, completedAt: at, completedBy: user.id, note: request.comment }
        : s,
    );
    if (!request.approved) return { ...c, status: 'refused', approval, steps };
    const approved: PenaltyCase = {
      ...c,
      status: 'open',
      approval,
      steps: [
        ...steps,
        {
          stage: 'investigation',
          startedAt: at,
          startedBy: user.id,
          dueOn: stageDueOn('investigation', at, at),
          completedAt: null,
          completedBy: null,
          note: '',
        },
      ],
    };
    const filing = await registerCaseDocument(
      tx,
      approved,
      'caseFiling',
      user.id,
      officersOf(approved),
      now,
    );
    return { ...approved, number: filing.number, documents: [filing] };
  });
}

export function advanceCase(
  db: Database,
  user: User,
  id: string,
  request: CaseAdvanceRequest,
  now: Date,
): Promise<PenaltyCase> {
  return change(db, user, id, request.version, now, async (c, tx) => {
    requireStatus(c, 'open');
    const step = currentStep(c);
    if (!step || !nextStages(step.stage).includes(request.to)) {
      throw new ApiError(
        409,
        'stage_order',
        `A case in ${step?.stage ?? 'no stage'} moves on to ${nextStages(step?.stage ?? 'closing').join(' or ') || 'nothing'}, not ${request.to}.`,
      );
    }
    if (!mayEnter(user, c, request.to)) {
      throw forbidden(
        STAGE_ACTORS[request.to] === 'supervisor'
          ? `Only a supervisor of the case's agency moves it to ${request.to}.`
          : `Only the case's handling officers or a supervisor of its agency move it to ${request.to}.`,
      );
    }
    const at = now.toISOString();
    const closing = request.to === 'closing';
    const steps = [
      ...c.steps.map((s) =>
        s === step ? { ...s, completedAt: at, completedBy: user.id, note: request.note } : s,
      ),
      {
        stage: request.to,
        startedAt: at,
        startedBy: user.id,
        dueOn: stageDueOn(request.to, at, c.approval?.at ?? null),
        completedAt: closing ? at : null,
        completedBy: closing ? user.id : null,
        note: closing ? request.note : '',
      },
    ];
    const moved: PenaltyCase = { ...c, status: closing ? 'closed' : 'open', steps };
    const kind = STAGE_DOCUMENTS[request.to];
    if (!kind) return moved;
    const document = await registerCaseDocument(tx, moved, kind, user.id, officersOf(moved), now);
    return { ...moved, documents: [...moved.documents, document] };
  });
}

export function linkEvidence(
  db: Database,
  user: User,
  id: string,
  request: CaseEvidenceRequest,
  now: Date,
): Promise<PenaltyCase> {
  return change(db, user, id, request.version, now, async (c, tx) => {
    if (c.status === 'closed' || c.status === 'refused') requireStatus(c, 'open');
    requireHandler(user, c, 'link evidence to it');
    await checkEvidence(tx, c, request.evidence);
    return {
      ...c,
      evidence: [
        ...c.evidence,
        { ref: request.evidence, addedBy: user.id, addedAt: now.toISOString() },
      ],
    };
  });
}

export function recordCaseReceipt(
  db: Database,
  user: User,
  id: string,
  request: CaseReceiptRequest,
  now: Date,
): Promise<PenaltyCase> {
  return change(db, user, id, request.version, now, async (c, tx) => {
    // Served while the case runs: a closed case changes only by amendment.
    requireStatus(c, 'open');
    await checkCaseReceipt(tx, user, c, request.receipt, now);
    await referReceiptBlobs(tx, c.id, request.receipt);
    return { ...c, serviceReceipts: [...(c.serviceReceipts ?? []), request.receipt] };
  });
}

export function amendCase(
  db: Database,
  user: User,
  id: string,
  request: CaseAmendmentRequest,
  now: Date,
): Promise<PenaltyCase> {
  return change(db, user, id, request.version, now, async (c, tx) => {
    if (c.status !== 'closed') {
      throw new ApiError(
        409,
        'case_status',
        'Only a closed case is amended; an open one changes in its stages.',
      );
    }
    requireHandler(user, c, 'amend it');
    if (request.evidence) await checkEvidence(tx, c, request.evidence);
    const amendment = {
      at: now.toISOString(),
      by: user.id,
      reason: request.reason,
      note: request.note,
      evidence: request.evidence,
    };
    return { ...c, amendments: [...c.amendments, amendment] };
  });
}
