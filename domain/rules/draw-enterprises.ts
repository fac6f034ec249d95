// The first half of a draw: which enterprises of the target list a plan period draws, class by
// class, at the plan's share for the class (差异化抽查比例).
import type { ClassQuota, TargetEntry } from '../schemas/draw';
import type { Plan } from '../schemas/plan';
import { riskClasses } from '../schemas/risk';
import { periodCount } from './plan-periods';
import type { SeededRandom } from './seeded-random';

export interface EnterpriseDraw {
  quotas: ClassQuota[];
  /** The drawn entries, by class (most severe first), each class in the order picked. */
  drawn: TargetEntry[];
}

const byEnterpriseId = (a: TargetEntry, b: TargetEntry) =>
  a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0;

/**
 * For each class, most severe first:
 * - the population is the class's entries in the target list, and the period asks for
 *   `periodCount(population, share, earlier shares)` of them (rules/plan-periods.ts);
 * - the eligible ones are those not drawn earlier in the plan's year, ordered by enterprise id;
 * - that many are picked from them by a partial Fisher–Yates on the random stream.
 * A class with fewer eligible enterprises than asked draws all of them and records the shortfall
 * in its quota (drawn < wanted); it is never made up from another class.
 */
export function drawEnterprises(
  targets: readonly TargetEntry[],
  plan: Pick<Plan, 'shares'>,
  periodKey: string,
  drawnEarlierInYear: ReadonlySet<string>,
  random: SeededRandom,
): EnterpriseDraw {
  const index = plan.shares.findIndex((s) => s.period === periodKey);
  const period = plan.shares[index];
  if (!period) throw new RangeError(`the plan has no period ${periodKey}`);
  const earlier = plan.shares.slice(0, index);

  const quotas: ClassQuota[] = [];
  const drawn: TargetEntry[] = [];
  for (const riskClass of riskClasses) {
    const population = targets.filter((t) => t.riskClass === riskClass).sort(byEnterpriseId);
    const shareBp = period.shares[riskClass];
    const beforeBp = earlier.reduce((sum, s) => sum + s.shares[riskClass], 0);
    const wanted = periodCount(population.length, shareBp, beforeBp);
    const eligible = population.filter((t) => !drawnEarlierInYear.has(t.enterpriseId));
    const picked = random.pick(eligible, wanted);
    quotas.push({
      riskClass,
      population: population.length,
      shareBp,
      beforeBp,
      wanted,
      eligible: eligible.length,
      drawn: picked.length,
    });
    drawn.push(...picked);
  }
  return { quotas, drawn };
}
