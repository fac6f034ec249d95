// The lifecycle of an annual plan's versions: who may write them, that a draft is approved by a
// supervisor of the agency, that an approved version never changes, and that a change after
// approval is the next revision naming the approved one it revises. The device uses these to
// offer only what is allowed, and the server to refuse anything else.
import type { Plan } from '../schemas/plan';
import type { User } from '../schemas/user';
import { canonicalJson } from './canonical-json';

export type PlanActor = Pick<User, 'id' | 'role' | 'agencyId' | 'deletedAt'>;

export type PlanProblem =
  /** Plans are written and approved by supervisors of the plan's agency only. */
  | 'plan.notSupervisorOfAgency'
  /** An approved version may not be changed or deleted: revise it instead. */
  | 'plan.approvedIsFinal'
  /** A draft's agency, year, revision and the version it revises are fixed when it is made. */
  | 'plan.identityChanged'
  /** A new version is a draft; it is approved as a change of that draft. */
  | 'plan.mustStartAsDraft'
  /** A new version while another draft of the same plan is open. */
  | 'plan.draftExists'
  /** The first version is revision 1; each later one is the latest revision + 1. */
  | 'plan.revisionOutOfOrder'
  /** A revision names the latest approved version as the one it revises. */
  | 'plan.previousNotLatest'
  /** The approver recorded is not the supervisor approving. */
  | 'plan.approverMismatch';

type Content = Omit<Plan, 'version' | 'updatedAt'>;

// What the plan says, without the fields sync sets: an approved plan sent again unchanged (a
// retried push) is not a change.
function content({ version: _v, updatedAt: _u, ...rest }: Plan): Content {
  return rest;
}

const same = (a: Plan, b: Plan) => canonicalJson(content(a)) === canonicalJson(content(b));

const identity = (p: Plan) => [p.agencyId, p.year, p.revision, p.previousRevisionId].join('|');

/**
 * Why `after` may not be stored, or null when it may. `versions` are the stored versions of the
 * same agency's plan for the same year (deleted ones included; `before`, the stored record with
 * after's id, among them); `before` is null for a new record. Both plans are schema-valid.
 */
export function planChangeProblem(
  versions: readonly Plan[],
  before: Plan | null,
  after: Plan,
  actor: PlanActor,
): PlanProblem | null {
  if (
    actor.deletedAt !== null ||
    actor.role !== 'supervisor' ||
    actor.agencyId !== after.agencyId
  ) {
    return 'plan.notSupervisorOfAgency';
  }
  if (before !== null) {
    if (before.status === 'approved') return same(before, after) ? null : 'plan.approvedIsFinal';
    if (identity(before) !== identity(after)) return 'plan.identityChanged';
    if (after.status === 'approved') {
      if (after.deletedAt !== null) return 'plan.approvedIsFinal';
      if (after.approval?.by !== actor.id) return 'plan.approverMismatch';
    }
    return null;
  }

  if (after.status !== 'draft' || after.deletedAt !== null) return 'plan.mustStartAsDraft';
  const others = versions.filter((v) => v.id !== after.id && v.deletedAt === null);
  if (others.some((v) => v.status === 'draft')) return 'plan.draftExists';
  const latest = latestVersion(others);
  if (after.revision !== (latest?.revision ?? 0) + 1) return 'plan.revisionOutOfOrder';
  if (latest && after.previousRevisionId !== latest.id) return 'plan.previousNotLatest';
  return null;
}

function latestVersion(versions: readonly Plan[]): Plan | undefined {
  return versions.reduce<Plan | undefined>(
    (best, v) => (best === undefined || v.revision > best.revision ? v : best),
    undefined,
  );
}

/**
 * The version in force: the approved, not deleted version with the highest revision (a newer
 * draft does not replace it until approved); undefined before the first approval.
 */
export function planInForce(versions: readonly Plan[]): Plan | undefined {
  return latestVersion(versions.filter((v) => v.status === 'approved' && v.deletedAt === null));
}

/** The open draft of the plan, if any: where the next change goes. */
export function openDraft(versions: readonly Plan[]): Plan | undefined {
  return versions.find((v) => v.status === 'draft' && v.deletedAt === null);
}

type SyncKeys = 'id' | 'version' | 'updatedAt' | 'deletedAt' | 'createdBy';

function withoutSync({
  id: _i,
  version: _v,
  updatedAt: _u,
  deletedAt: _d,
  createdBy: _c,
  ...rest
}: Plan): Omit<Plan, SyncKeys> {
  return rest;
}

/**
 * The next revision of an approved version, as a draft with the same content: the caller adds
 * the new record's id and sync fields, then edits it.
 */
export function nextRevision(approved: Plan, reason: string): Omit<Plan, SyncKeys> {
  if (approved.status !== 'approved') throw new RangeError('only an approved plan is revised');
  return {
    ...withoutSync(approved),
    revision: approved.revision + 1,
    previousRevisionId: approved.id,
    revisionReason: reason,
    status: 'draft',
    approval: null,
  };
}

/** The draft approved by `approverId` at `at` (the server's time when it is stored). */
export function approvedPlan(draft: Plan, approverId: string, at: string): Plan {
  if (draft.status !== 'draft') throw new RangeError('only a draft is approved');
  return { ...draft, status: 'approved', approval: { by: approverId, at } };
}
