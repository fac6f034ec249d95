// Rectification deadlines of hazards: the default by grade, what a valid deadline is, and the
// derived statuses (`overdue` is never stored: it follows from the deadline and today's date).
import type { Finding, Grade } from '../schemas/finding';
import { addDays, daysBetween, isCalendarDate } from './calendar-date';

/**
 * Calendar days from the day a hazard is found to its default deadline.
 *
 * - general (一般隐患): the Interim Provisions on Hazard Investigation and Rectification
 *   (安全生产事故隐患排查治理暂行规定) expect a general hazard to be put right at once or within a
 *   short period; rectification orders in practice give 7–30 days. Fifteen days is the middle of
 *   that range and leaves time to buy a part or book a contractor.
 * - major (重大隐患): the enterprise must first draw up a rectification plan (治理方案: measures,
 *   money, people, deadline) and the hazard is put under listed supervision; plans run to
 *   60–90 days. Sixty days is the default; an inspector who agrees a longer plan changes it.
 *
 * They are defaults only: the hazard form shows the date and the inspector may change it.
 */
export const DEFAULT_DEADLINE_DAYS: Readonly<Record<Grade, number>> = {
  general: 15,
  major: 60,
};

/** The default deadline of a hazard of `grade` found on `foundOn` (YYYY-MM-DD). */
export function defaultDeadline(
  grade: Grade,
  foundOn: string,
  days: Readonly<Record<Grade, number>> = DEFAULT_DEADLINE_DAYS,
): string {
  return addDays(foundOn, days[grade]);
}

export type DeadlineProblem =
  { code: 'deadline.invalid' } | { code: 'deadline.past'; today: string };

/**
 * Why a deadline cannot be set today, or null when it can. Today itself is allowed (rectify
 * "immediately", 立即整改); an earlier date would make the hazard overdue the moment it is saved.
 */
export function validateDeadline(deadline: string, today: string): DeadlineProblem | null {
  if (!isCalendarDate(deadline)) return { code: 'deadline.invalid' };
  if (deadline < today) return { code: 'deadline.past', today };
  return null;
}

/** Days left until the deadline: 0 on the day itself, negative once it has passed. */
export function daysRemaining(deadline: string, today: string): number {
  return daysBetween(today, deadline);
}

type DeadlineFields = Pick<Finding, 'status' | 'deadline'>;

/**
 * An open hazard whose deadline has passed. A `rectified` one is waiting for the bureau's
 * re-inspection, so the delay is no longer the enterprise's; a closed one is done. The deadline
 * day itself still belongs to the enterprise.
 */
export function isOverdue(finding: DeadlineFields, today: string): boolean {
  return finding.status === 'open' && finding.deadline < today;
}

export type EffectiveStatus = 'open' | 'overdue' | 'rectified' | 'closed';

/** The status a person sees: the stored one, with open-past-deadline shown as `overdue`. */
export function effectiveStatus(finding: DeadlineFields, today: string): EffectiveStatus {
  return isOverdue(finding, today) ? 'overdue' : finding.status;
}

/**
 * Major hazards stay under listed supervision (挂牌督办) until verified and closed, so the
 * deadline board flags them while they are open or awaiting re-inspection.
 */
export function isListedForSupervision(finding: Pick<Finding, 'grade' | 'status'>): boolean {
  return finding.grade === 'major' && finding.status !== 'closed';
}

const BOARD_ORDER: Record<EffectiveStatus, number> = {
  overdue: 0,
  open: 1,
  rectified: 2,
  closed: 3,
};

/**
 * Order of the deadline board: overdue first (longest overdue on top), then open, awaiting
 * re-inspection and closed, each by the nearest deadline; ties by id so the order is stable.
 */
export function compareForDeadlineBoard(
  a: DeadlineFields & Pick<Finding, 'id'>,
  b: DeadlineFields & Pick<Finding, 'id'>,
  today: string,
): number {
  const byStatus = BOARD_ORDER[effectiveStatus(a, today)] - BOARD_ORDER[effectiveStatus(b, today)];
  if (byStatus !== 0) return byStatus;
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
