// Who may write what (DESIGN.md, Sync protocol rules): only admins write agencies, users,
// enterprises and templates; inspectors write inspections they lead or co-sign, and their
// findings, at enterprises in their jurisdiction; supervisors write the review of inspections and
// the rectification state of findings in their jurisdiction. Returns a reason when refused.
import type { EntityName } from '../../../domain/schemas/entities';
import type { User } from '../../../domain/schemas/user';

export interface WriteCheck {
  entity: EntityName;
  /** The record as the server holds it, if it exists. */
  before: Record<string, unknown> | undefined;
  /** The record as it would be after the mutation. */
  after: Record<string, unknown>;
  /** Content fields the mutation changes. */
  changed: ReadonlySet<string>;
  /** Looks a record up (stored, or written earlier in the same batch). */
  lookup: (entity: 'enterprise' | 'inspection', id: unknown) => Record<string, unknown> | undefined;
}

const ADMIN_ONLY: ReadonlySet<EntityName> = new Set(['agency', 'user', 'enterprise', 'template']);
/** What a supervisor may change on a finding: its rectification state. */
const SUPERVISOR_FINDING_FIELDS: ReadonlySet<string> = new Set(['status', 'verification']);

const takesPart = (inspection: Record<string, unknown> | undefined, userId: string) =>
  inspection !== undefined &&
  (inspection.leadInspectorId === userId ||
    (Array.isArray(inspection.coInspectorIds) && inspection.coInspectorIds.includes(userId)));

function townOf(check: WriteCheck, record: Record<string, unknown> | undefined): string | null {
  if (!record) return null;
  const enterprise = check.lookup('enterprise', record.enterpriseId);
  return typeof enterprise?.town === 'string' ? enterprise.town : null;
}

function outsideJurisdiction(user: User, check: WriteCheck): string | null {
  for (const record of [check.before, check.after]) {
    const town = townOf(check, record);
    if (record && (town === null || !user.jurisdiction.includes(town))) {
      return `the enterprise of this ${check.entity} is outside your jurisdiction`;
    }
  }
  return null;
}

/** References every user must get right, admins included: the server must know the enterprise. */
export function checkReferences(check: WriteCheck): string | null {
  if (check.entity !== 'inspection' && check.entity !== 'finding') return null;
  if (!check.lookup('enterprise', check.after.enterpriseId)) {
    return 'enterpriseId names no enterprise the server knows';
  }
  if (check.entity === 'finding') {
    const inspection = check.lookup('inspection', check.after.inspectionId);
    if (!inspection) return 'inspectionId names no inspection the server knows';
    if (inspection.enterpriseId !== check.after.enterpriseId) {
      return "enterpriseId must be the enterprise of the finding's inspection";
    }
  }
  return null;
}

export function checkWrite(user: User, check: WriteCheck): string | null {
  if (user.role === 'admin') return null;
  if (ADMIN_ONLY.has(check.entity)) {
    return `only an administrator may change ${check.entity} records`;
  }
  const scope = outsideJurisdiction(user, check);
  if (scope) return scope;
  if (user.role === 'supervisor') return supervisorWrite(check);
  if (check.entity === 'inspection') {
    if (check.before && !takesPart(check.before, user.id)) {
      return 'you may change only inspections you lead or co-sign';
    }
    if (!takesPart(check.after, user.id)) {
      return 'you must be the lead inspector or a co-inspector of this inspection';
    }
    return null;
  }
  // A finding: the caller must take part in its inspection, before and after the change.
  for (const finding of [check.before, check.after]) {
    if (finding && !takesPart(check.lookup('inspection', finding.inspectionId), user.id)) {
      return 'you may change only findings of inspections you lead or co-sign';
    }
  }
  return null;
}

function supervisorWrite(check: WriteCheck): string | null {
  if (!check.before) return `a supervisor may not create ${check.entity} records`;
  const allowed = check.entity === 'inspection' ? new Set(['review']) : SUPERVISOR_FINDING_FIELDS;
  const other = [...check.changed].filter((f) => !allowed.has(f));
  if (other.length === 0) return null;
  return check.entity === 'inspection'
    ? `a supervisor may change only the review of an inspection, not ${other.join(', ')}`
    : `a supervisor may change only the status and verification of a finding, not ${other.join(', ')}`;
}
