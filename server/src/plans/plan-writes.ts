// Owns the writes of annual plans: a supervisor of the agency creates a draft, edits it, approves
// it (which writes its key inspections as tasks, key-tasks.ts), and revises an approved version
// as the next revision with a reason. Every change is checked by the domain's lifecycle rules
// (rules/plan-versions.ts) inside a transaction that holds the agency's lock, so two supervisors
// writing at once are checked one after the other.
import { approvedPlan, nextRevision, planChangeProblem } from '../../../domain/rules/plan-versions';
import type { PlanProblem } from '../../../domain/rules/plan-versions';
import type { Plan } from '../../../domain/schemas/plan';
import { planSchema } from '../../../domain/schemas/plan';
import type { PlanCreate, PlanEdit } from '../../../domain/schemas/plan-requests';
import type { User } from '../../../domain/schemas/user';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import { writeKeyTasks } from './key-tasks';
import { lockAgency, planVersions, readPlan, storePlan } from './plan-store';
import { newRecordEnvelope } from '../db/new-record';

const PLAN_PROBLEMS: Record<PlanProblem, string> = {
  'plan.notSupervisorOfAgency': "Only a supervisor of the plan's agency writes or approves it.",
  'plan.approvedIsFinal': 'An approved plan is never changed: revise it with a reason instead.',
  'plan.identityChanged': "A draft's agency, year and revision are fixed when it is made.",
  'plan.mustStartAsDraft': 'A new plan version starts as a draft.',
  'plan.draftExists': 'This plan already has a draft: edit or approve it first.',
  'plan.revisionOutOfOrder':
    'The agency already has a plan for this year: revise the approved version instead.',
  'plan.previousNotLatest': 'A revision revises the latest approved version.',
  'plan.approverMismatch': 'The approval must name the supervisor approving.',
};

export function planRefusal(problem: PlanProblem): ApiError {
  return new ApiError(
    problem === 'plan.notSupervisorOfAgency' ? 403 : 409,
    problem,
    PLAN_PROBLEMS[problem],
  );
}

export const planNotFound = () =>
  new ApiError(404, 'plan.notFound', 'There is no such plan of your agency.');

/** The plan, if the caller may read it: plans are read within their agency. */
export async function visiblePlan(db: Queryable, user: User, id: string): Promise<Plan> {
  const plan = await readPlan(db, id);
  if (!plan || plan.agencyId !== user.agencyId) throw planNotFound();
  return plan;
}

async function checkedStore(
  tx: Queryable,
  user: User,
  before: Plan | null,
  after: Plan,
): Promise<Plan> {
  const valid = parseInput(planSchema, after, 'body');
  const problem = planChangeProblem(
    await planVersions(tx, valid.agencyId, valid.year),
    before,
    valid,
    user,
  );
  if (problem) throw planRefusal(problem);
  await storePlan(tx, valid);
  return valid;
}

export function createPlan(db: Database, user: User, body: PlanCreate, now: Date): Promise<Plan> {
  return db.transaction(async (tx) => {
    await lockAgency(tx, user.agencyId);
    const plan: Plan = {
      ...newRecordEnvelope(user.id, now.toISOString(), 1),
      agencyId: user.agencyId,
      revision: 1,
      previousRevisionId: null,
      revisionReason: null,
      status: 'draft',
      approval: null,
      ...body,
    };
    return checkedStore(tx, user, null, plan);
  });
}

/** The stored version the change is made on, locked; refused when the writer read another. */
async function baseOf(tx: Queryable, user: User, id: string, baseVersion: number) {
  const stored = await readPlan(tx, id);
  if (!stored || stored.agencyId !== user.agencyId) throw planNotFound();
  await lockAgency(tx, stored.agencyId);
  const before = await readPlan(tx, id);
  if (!before) throw planNotFound();
  if (before.version !== baseVersion) {
    throw new ApiError(
      409,
      'plan.stale',
      `The plan changed since you read it (version ${before.version}, not ${baseVersion}): read it again.`,
    );
  }
  return before;
}

export function editPlan(
  db: Database,
  user: User,
  id: string,
  body: PlanEdit,
  now: Date,
): Promise<Plan> {
  return db.transaction(async (tx) => {
    const { baseVersion, ...content } = body;
    const before = await baseOf(tx, user, id, baseVersion);
    const after = { ...before, ...content, version: before.version + 1 };
    return checkedStore(tx, user, before, { ...after, updatedAt: now.toISOString() });
  });
}

export function approvePlan(
  db: Database,
  user: User,
  id: string,
  baseVersion: number,
  now: Date,
): Promise<Plan> {
  return db.transaction(async (tx) => {
    const before = await baseOf(tx, user, id, baseVersion);
    if (before.status !== 'draft') throw planRefusal('plan.approvedIsFinal');
    const approved = approvedPlan(before, user.id, now.toISOString());
    const stored = await checkedStore(tx, user, before, {
      ...approved,
      version: before.version + 1,
      updatedAt: now.toISOString(),
    });
    // The version's key inspections reach the devices with the next pull, as tasks.
    await writeKeyTasks(tx, stored, user.id, now);
    return stored;
  });
}

export function revisePlan(
  db: Database,
  user: User,
  id: string,
  reason: string,
  now: Date,
): Promise<Plan> {
  return db.transaction(async (tx) => {
    const stored = await readPlan(tx, id);
    if (!stored || stored.agencyId !== user.agencyId) throw planNotFound();
    await lockAgency(tx, stored.agencyId);
    if (stored.status !== 'approved') {
      throw new ApiError(409, 'plan.reviseApprovedOnly', 'Only an approved plan is revised.');
    }
    const draft: Plan = {
      ...nextRevision(stored, reason),
      ...newRecordEnvelope(user.id, now.toISOString(), 1),
    };
    return checkedStore(tx, user, null, draft);
  });
}
