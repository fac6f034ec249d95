// Plans and target lists for the plan and draw tests, and fast-check arbitraries of them. Every
// plan is parsed with its schema, so a fixture that drifts from the schema fails loudly.
import fc from 'fast-check';
import type { ClassShares, PeriodKind, Plan } from '../../../../domain/schemas/plan';
import { periodKeysOf, planSchema } from '../../../../domain/schemas/plan';
import type { RiskClass, TargetEntry } from '../../../../domain/schemas/risk';
import { riskClasses } from '../../../../domain/schemas/risk';
import { uid } from './fixture-records';

export const AGENCY = uid(800);
export const PARTNER = uid(801);
export const SUPERVISOR = uid(700);
export const YEAR = 2026;

/** Enterprise n's id (kept apart from users' ids). */
export const ent = (n: number) => uid(10_000 + n);
/** Officer n's id. */
export const off = (n: number) => uid(20_000 + n);

const even = (bp: number): ClassShares => ({ major: bp, considerable: bp, general: bp, low: bp });

export function makePlan(overrides: Partial<Plan> = {}): Plan {
  const periodKind = overrides.periodKind ?? 'quarter';
  return planSchema.parse({
    id: uid(600),
    version: 1,
    updatedAt: '2026-01-05T09:00:00.000+08:00',
    deletedAt: null,
    createdBy: SUPERVISOR,
    agencyId: AGENCY,
    year: YEAR,
    revision: 1,
    previousRevisionId: null,
    revisionReason: null,
    title: '2026年度安全生产监督检查计划',
    status: 'approved',
    approval: { by: SUPERVISOR, at: '2026-01-06T10:00:00.000+08:00' },
    keyInspectionsPerYear: { 1: 4, 2: 2, 3: 1, 4: 1 },
    periodKind,
    shares: periodKeysOf(periodKind).map((period) => ({ period, shares: even(2_500) })),
    ...overrides,
  });
}

export function target(
  n: number,
  riskClass: RiskClass,
  majorHazardLevel: TargetEntry['majorHazardLevel'] = null,
): TargetEntry {
  return { enterpriseId: ent(n), riskClass, majorHazardLevel };
}

// --- arbitraries -------------------------------------------------------------------------------

/** Shares for each period of a kind whose sum over the year is at most 100 % for each class. */
export function sharesArb(kind: PeriodKind): fc.Arbitrary<Plan['shares']> {
  const keys = periodKeysOf(kind);
  const classShares = fc
    .array(
      fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 2_500, 5_000, 10_000)),
      {
        minLength: keys.length,
        maxLength: keys.length,
      },
    )
    .map((parts) => {
      const sum = parts.reduce((a, b) => a + b, 0);
      return sum <= 10_000 ? parts : parts.map((p) => Math.floor((p * 10_000) / sum));
    });
  return fc
    .record({
      major: classShares,
      considerable: classShares,
      general: classShares,
      low: classShares,
    })
    .map((byClass) =>
      keys.map((period, i) => ({
        period,
        shares: Object.fromEntries(riskClasses.map((c) => [c, byClass[c][i]])) as ClassShares,
      })),
    );
}

export const planArb: fc.Arbitrary<Plan> = fc
  .constantFrom<PeriodKind>('year', 'half', 'quarter', 'quarter', 'month')
  .chain((periodKind) => sharesArb(periodKind).map((shares) => makePlan({ periodKind, shares })));

/** Up to 60 enterprises of random classes, a third of them major hazard sources of some level. */
export const targetsArb: fc.Arbitrary<TargetEntry[]> = fc
  .array(
    fc.record({
      riskClass: fc.constantFrom(...riskClasses),
      level: fc.constantFrom<TargetEntry['majorHazardLevel']>(null, null, 1, 2, 3, 4),
    }),
    { minLength: 1, maxLength: 60, size: 'medium' },
  )
  .map((list) => list.map((c, i) => target(i, c.riskClass, c.level)));
