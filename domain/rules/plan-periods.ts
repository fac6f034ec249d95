// The periods of a plan year (whole year, halves, quarters or months) and how many enterprises of
// a class a period's share asks for. Shares are in basis points (1/100 of a percent) so that the
// arithmetic is done on integers and gives the same count on every machine.
import type { PeriodKind } from '../schemas/plan';
import { periodKeysOf } from '../schemas/plan';
import { addDays, addMonths, monthsBetween } from './calendar-date';

export interface PlanPeriod {
  /** 'Y', 'H1', 'Q3', 'M07', … */
  key: string;
  /** First and last day, both included. */
  from: string;
  to: string;
  /** Its months, YYYY-MM, in order. */
  months: string[];
}

const MONTHS_PER_PERIOD: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3, month: 1 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The periods of `year` for a plan of `kind`, in order; together they cover the year. */
export function planPeriods(year: number, kind: PeriodKind): PlanPeriod[] {
  const length = MONTHS_PER_PERIOD[kind];
  return periodKeysOf(kind).map((key, i) => {
    const from = `${String(year).padStart(4, '0')}-${pad(i * length + 1)}-01`;
    const to = addDays(addMonths(from, length), -1);
    return { key, from, to, months: monthsBetween(from.slice(0, 7), to.slice(0, 7)) };
  });
}

/** The period named `key` of the plan's year, or undefined when the plan has no such period. */
export function planPeriod(year: number, kind: PeriodKind, key: string): PlanPeriod | undefined {
  return planPeriods(year, kind).find((p) => p.key === key);
}

/** A basis-point share of n, rounded half up: round(bp × n / 10000) on integers. */
export function shareOf(bp: number, n: number): number {
  if (!Number.isInteger(bp) || !Number.isInteger(n) || bp < 0 || n < 0) {
    throw new RangeError(`share of non-negative integers only: ${bp} of ${n}`);
  }
  return Math.floor((2 * bp * n + 10_000) / 20_000);
}

/**
 * How many enterprises of a class of `population` a period asks for, given the class's share in
 * that period and the sum of its shares in the year's earlier periods.
 *
 * The count is the cumulative share rounded, less the earlier periods' cumulative share rounded:
 * round((before + share) × N) − round(before × N). Each period's count is within one enterprise
 * of share × N, and over the year the counts add up to round(year's share × N) exactly, so four
 * quarters of 25 % of ten enterprises draw 3, 2, 3, 2 = all ten (rounding each quarter alone
 * would ask for 3 × 4 = 12 of 10).
 */
export function periodCount(population: number, shareBp: number, beforeBp: number): number {
  return shareOf(beforeBp + shareBp, population) - shareOf(beforeBp, population);
}
