// Owns the write rules of a finding's rectification state (its status, deadline, verification,
// report of rectification and history): who may change it, and how, when they did not find the
// hazard. Returns the refusal (domain/sync/refusals.ts) when refused.
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { User } from '../../../domain/schemas/user';
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
]);

const takesPart = (inspection: Record<string, unknown> | undefined, userId: string) =>
  inspection !== undefined &&
  (inspection.leadInspectorId === userId ||
    (Array.isArray(inspection.coInspectorIds) && inspection.coInspectorIds.includes(userId)));

/**
 * A change of a finding's rectification state: the deadline moves only with a failed
 * re-inspection, a hazard closes only on a passed one, and a verification names its officer
 * and a re-inspection visit of the same enterprise that officer takes part in.
 */
export function rectificationWrite(user: User, check: WriteCheck): Refusal | null {
  const other = [...check.changed].filter((f) => !RECTIFICATION_FIELDS.has(f));
  if (other.length > 0) {
    return refusal('rectificationOnly', { fields: other.join(', ') });
  }
  const verification = check.after.verification as Record<string, unknown> | null | undefined;
  if (
    check.changed.has('deadline') &&
    !(check.changed.has('verification') && verification?.result === 'failed')
  ) {
    return refusal('deadlineNeedsFailedReinspection');
  }
  if (
    check.changed.has('status') &&
    check.after.status === 'closed' &&
    verification?.result !== 'passed'
  ) {
    return refusal('closeNeedsPassedReinspection');
  }
  if (check.changed.has('verification') && verification) {
    if (verification.verifiedBy !== user.id) {
      return refusal('verifierMustBeYou');
    }
    const visit = check.lookup('inspection', verification.inspectionId);
    if (
      visit?.kind !== 'reinspection' ||
      visit.enterpriseId !== check.after.enterpriseId ||
      !takesPart(visit, user.id)
    ) {
      return refusal('verificationVisit');
    }
  }
  return null;
}
