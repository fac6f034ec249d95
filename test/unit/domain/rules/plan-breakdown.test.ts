import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyInspectionTargets,
  monthlyBreakdown,
  spreadEvenly,
} from '../../../../domain/rules/plan-breakdown';
import { periodCount, shareOf } from '../../../../domain/rules/plan-periods';
import type { TargetEntry } from '../../../../domain/schemas/risk';
import { riskClasses } from '../../../../domain/schemas/risk';
import { ent, makePlan, planArb, target, targetsArb } from './plan-fixtures';

describe('spreadEvenly', () => {
  it('splits as evenly as whole numbers allow, earlier slots first', () => {
    expect(spreadEvenly(10, 3)).toEqual([4, 3, 3]);
    expect(spreadEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(spreadEvenly(0, 2)).toEqual([0, 0]);
    expect(spreadEvenly(6, 1)).toEqual([6]);
  });
});

describe('monthlyBreakdown', () => {
  const levels = (counts: Record<1 | 2 | 3 | 4, number>): TargetEntry[] => {
    let n = 0;
    return ([1, 2, 3, 4] as const).flatMap((level) =>
      Array.from({ length: counts[level] }, () => target(n++, 'low', level)),
    );
  };

  it('spreads each level’s key inspections over equal slices of the year', () => {
    const plan = makePlan({
      keyInspectionsPerYear: { 1: 4, 2: 2, 3: 1, 4: 5 },
      shares: makePlan().shares.map((s) => ({
        ...s,
        shares: { major: 0, considerable: 0, general: 0, low: 0 },
      })),
    });
    const months = monthlyBreakdown(plan, levels({ 1: 4, 2: 5, 3: 13, 4: 1 }));
    expect(months.map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    );
    // Level 1, four times a year, four sources: each quarter spreads 4 over its 3 months.
    expect(months.map((m) => m.key.byLevel[1])).toEqual([2, 1, 1, 2, 1, 1, 2, 1, 1, 2, 1, 1]);
    // Level 2, twice a year, five sources: each half spreads 5 over 6 months.
    expect(months.map((m) => m.key.byLevel[2])).toEqual([1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0]);
    // Level 3, once a year, thirteen sources over twelve months.
    expect(months.map((m) => m.key.byLevel[3])).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    // Level 4, five times a year: slices of 2, 2, 3, 2 and 3 months, each starting its source.
    expect(months.map((m) => m.key.byLevel[4])).toEqual([1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]);
    expect(months.every((m) => m.drawn.total === 0 && m.total === m.key.total)).toBe(true);
  });

  it('spreads each period’s drawn count of a class over its months', () => {
    const plan = makePlan({ keyInspectionsPerYear: { 1: 0, 2: 0, 3: 0, 4: 0 } });
    // Ten general enterprises at 25 % a quarter: 3, 2, 3, 2, each over three months.
    const targets = Array.from({ length: 10 }, (_, n) => target(n, 'general'));
    const months = monthlyBreakdown(plan, targets);
    expect(months.map((m) => m.drawn.byClass.general)).toEqual([
      1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0,
    ]);
    expect(months.map((m) => m.total)).toEqual([1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0]);
  });

  it('adds up to the year: Σ N × sources key inspections and round(year share × class size) drawn per class', () => {
    fc.assert(
      fc.property(planArb, targetsArb, (plan, targets) => {
        const months = monthlyBreakdown(plan, targets);
        expect(months).toHaveLength(12);
        const key = ([1, 2, 3, 4] as const).reduce(
          (sum, level) =>
            sum +
            plan.keyInspectionsPerYear[level] *
              targets.filter((t) => t.majorHazardLevel === level).length,
          0,
        );
        expect(months.reduce((s, m) => s + m.key.total, 0)).toBe(key);
        for (const c of riskClasses) {
          const yearShare = plan.shares.reduce((s, p) => s + p.shares[c], 0);
          const population = targets.filter((t) => t.riskClass === c).length;
          expect(months.reduce((s, m) => s + m.drawn.byClass[c], 0)).toBe(
            shareOf(yearShare, population),
          );
        }
        for (const m of months) {
          expect(m.total).toBe(m.key.total + m.drawn.total);
          expect(m.drawn.total).toBe(riskClasses.reduce((s, c) => s + m.drawn.byClass[c], 0));
        }
      }),
    );
  });

  it('asks for what the draw of each period asks for', () => {
    fc.assert(
      fc.property(planArb, targetsArb, (plan, targets) => {
        const months = monthlyBreakdown(plan, targets);
        let offset = 0;
        plan.shares.forEach((period, p) => {
          const length = 12 / plan.shares.length;
          for (const c of riskClasses) {
            const before = plan.shares.slice(0, p).reduce((s, x) => s + x.shares[c], 0);
            const population = targets.filter((t) => t.riskClass === c).length;
            const inPeriod = months
              .slice(offset, offset + length)
              .reduce((s, m) => s + m.drawn.byClass[c], 0);
            expect(inPeriod).toBe(periodCount(population, period.shares[c], before));
          }
          offset += length;
        });
      }),
    );
  });
});

describe('keyInspectionTargets', () => {
  it('lists the major hazard sources owed key inspections, by enterprise id', () => {
    const plan = makePlan({ keyInspectionsPerYear: { 1: 4, 2: 2, 3: 1, 4: 0 } });
    expect(
      keyInspectionTargets(plan, [
        target(3, 'major', 1),
        target(1, 'general', 3),
        target(2, 'low', null),
        target(4, 'low', 4),
      ]),
    ).toEqual([
      { enterpriseId: ent(1), level: 3, perYear: 1 },
      { enterpriseId: ent(3), level: 1, perYear: 4 },
    ]);
  });
});
