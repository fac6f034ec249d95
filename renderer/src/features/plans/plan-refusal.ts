// A refused plan or draw request as a sentence in the user's language: each refusal code of the
// plan and draw routes has its own; a 400 names the fields; the server unreachable says so.
import type { TFunction } from 'i18next';
import { ApiError, isOffline } from '../../sync/errors';

const codes = [
  'plan.notSupervisorOfAgency',
  'plan.approvedIsFinal',
  'plan.identityChanged',
  'plan.mustStartAsDraft',
  'plan.draftExists',
  'plan.revisionOutOfOrder',
  'plan.previousNotLatest',
  'plan.approverMismatch',
  'plan.notFound',
  'plan.stale',
  'plan.reviseApprovedOnly',
  'draw.notSupervisorOfAgency',
  'draw.immutable',
  'draw.redrawRequired',
  'draw.redrawOfNotInForce',
  'draw.nothingToRedraw',
  'draw.idempotencyKeyReused',
  'draw.planNotApproved',
  'draw.planNotInForce',
  'draw.periodNotInPlan',
  'draw.partnerIsOwnAgency',
  'draw.unknownPartner',
  'draw.partnerNotDrawn',
  'draw.inputInvalid',
  'draw.notFound',
] as const;

export type PlanRefusalCode = (typeof codes)[number];

/** The refusal's code when it is one of the plan and draw routes' own. */
export function planRefusalCode(error: unknown): PlanRefusalCode | null {
  if (!(error instanceof ApiError)) return null;
  return codes.find((c) => c === error.code) ?? null;
}

/** The plan changed since it was read: the screen reads it again. */
export const isStalePlan = (error: unknown): boolean => planRefusalCode(error) === 'plan.stale';

export function planRefusalText(error: unknown, t: TFunction): string {
  if (isOffline(error)) return t('plans.offlineWrite');
  const code = planRefusalCode(error);
  if (code) return t(`plans.refusals.${code.replace('.', '_')}`);
  if (error instanceof ApiError) {
    if (error.status === 400 && error.issues.length > 0) {
      const fields = error.issues.map((i) => `${i.path} (${i.message})`);
      return t('plans.refusals.invalid', { fields: fields.join('; ') });
    }
    return t('plans.refusals.other', { message: error.message });
  }
  return t('plans.refusals.other', { message: error instanceof Error ? error.message : '' });
}
