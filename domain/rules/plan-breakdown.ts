// What a plan means month by month (the monthly breakdown a supervisor approves), and which
// enterprises its fixed-frequency key inspections are owed to. Counts only: the random draw
// decides which enterprises the drawn inspections go to.
import type { Plan } from '../schemas/plan';
import type { RiskClass, TargetEntry } from '../schemas/risk';
import { riskClasses } from '../schemas/risk';
import type { MajorHazardLevel } from './gb18218';
import { periodCount, planPeriods } from './plan-periods';

const LEVELS: readonly MajorHazardLevel[] = [1, 2, 3, 4];

type PlanForBreakdown = Pick<Plan, 'year' | 'periodKind' | 'shares' | 'keyInspectionsPerYear'>;
type TargetForBreakdown = Pick<TargetEntry, 'riskClass' | 'majorHazardLevel'>;

export interface MonthPlan {
  /** YYYY-MM */
  month: string;
  /** Fixed-frequency inspections of major hazard sources, by level. */
  key: { total: number; byLevel: Record<MajorHazardLevel, number> };
  /** Inspections the period's draw asks for, by class, spread over the period's months. */
  drawn: { total: number; byClass: Record<RiskClass, number> };
  total: number;
}

/**
 * n split over `slots` as evenly as whole numbers allow, the earlier slots taking one more when
 * it does not divide: 10 over 3 is 4, 3, 3.
 */
export function spreadEvenly(n: number, slots: number): number[] {
  const base = Math.floor(n / slots);
  return Array.from({ length: slots }, (_, i) => base + (i < n % slots ? 1 : 0));
}

/**
 * The plan's twelve months for the target list as it is now.
 *
 * - Key inspections: a source of a level inspected N times a year is due once in each of N
 *   consecutive slices of the year (slice i is months ⌊12i/N⌋ to ⌊12(i+1)/N⌋ − 1), and the sources
 *   of a level are spread evenly over the months of each slice. A year's key inspections are
 *   Σ N(level) × sources(level).
 * - Drawn inspections: each period's count per class (rules/plan-periods.ts, periodCount on the
 *   class's enterprises now) spread evenly over the period's months.
 */
export function monthlyBreakdown(
  plan: PlanForBreakdown,
  targets: readonly TargetForBreakdown[],
): MonthPlan[] {
  const periods = planPeriods(plan.year, plan.periodKind);
  const months: MonthPlan[] = periods
    .flatMap((p) => p.months)
    .map((month) => ({
      month,
      key: { total: 0, byLevel: { 1: 0, 2: 0, 3: 0, 4: 0 } },
      drawn: { total: 0, byClass: { major: 0, considerable: 0, general: 0, low: 0 } },
      total: 0,
    }));

  for (const level of LEVELS) {
    const perYear = plan.keyInspectionsPerYear[level];
    const sources = targets.filter((t) => t.majorHazardLevel === level).length;
    for (let i = 0; i < perYear; i++) {
      const first = Math.floor((12 * i) / perYear);
      const last = Math.floor((12 * (i + 1)) / perYear);
      spreadEvenly(sources, last - first).forEach((n, k) => {
        const month = months[first + k] as MonthPlan;
        month.key.byLevel[level] += n;
        month.key.total += n;
      });
    }
  }

  let offset = 0;
  periods.forEach((period, p) => {
    for (const riskClass of riskClasses) {
      const population = targets.filter((t) => t.riskClass === riskClass).length;
      const before = plan.shares.slice(0, p).reduce((sum, s) => sum + s.shares[riskClass], 0);
      const share = plan.shares[p]?.shares[riskClass] ?? 0;
      spreadEvenly(periodCount(population, share, before), period.months.length).forEach((n, k) => {
        const month = months[offset + k] as MonthPlan;
        month.drawn.byClass[riskClass] += n;
        month.drawn.total += n;
      });
    }
    offset += period.months.length;
  });

  for (const month of months) month.total = month.key.total + month.drawn.total;
  return months;
}

/** The enterprises owed fixed-frequency key inspections and how many a year, by enterprise id. */
export function keyInspectionTargets(
  plan: Pick<Plan, 'keyInspectionsPerYear'>,
  targets: readonly Pick<TargetEntry, 'enterpriseId' | 'majorHazardLevel'>[],
): { enterpriseId: string; level: MajorHazardLevel; perYear: number }[] {
  return targets
    .flatMap((t) =>
      t.majorHazardLevel === null || plan.keyInspectionsPerYear[t.majorHazardLevel] === 0
        ? []
        : [
            {
              enterpriseId: t.enterpriseId,
              level: t.majorHazardLevel,
              perYear: plan.keyInspectionsPerYear[t.majorHazardLevel],
            },
          ],
    )
    .sort((a, b) =>
      a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0,
    );
}
