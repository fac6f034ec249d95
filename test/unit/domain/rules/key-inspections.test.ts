import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyInspectionSchedule,
  keyTaskChanges,
  keyVisitDays,
} from '../../../../domain/rules/key-inspections';
import { monthlyBreakdown } from '../../../../domain/rules/plan-breakdown';
import { ent, makePlan, planArb, target, targetsArb } from './plan-fixtures';
import { ruleKeyTask } from './task-fixtures';

describe('keyInspectionSchedule', () => {
  it('spreads by hand: four level-1 sources twice a year, one level-3 source once', () => {
    const plan = makePlan({ keyInspectionsPerYear: { 1: 2, 2: 0, 3: 1, 4: 0 } });
    const targets = [
      target(3, 'major', 1),
      target(1, 'major', 1),
      target(2, 'major', 1),
      target(4, 'major', 1),
      target(5, 'general', 3),
      target(6, 'low', 2),
      target(7, 'low', null),
    ];
    // Level 1, N = 2: slices Jan–Jun and Jul–Dec; four sources over six months are 1, 1, 1, 1,
    // 0, 0, by enterprise id. Level 3, N = 1: the one source in January. Level 2 asks for none.
    expect(keyInspectionSchedule(plan, targets)).toEqual([
      { enterpriseId: ent(1), level: 1, month: '2026-01' },
      { enterpriseId: ent(2), level: 1, month: '2026-02' },
      { enterpriseId: ent(3), level: 1, month: '2026-03' },
      { enterpriseId: ent(4), level: 1, month: '2026-04' },
      { enterpriseId: ent(1), level: 1, month: '2026-07' },
      { enterpriseId: ent(2), level: 1, month: '2026-08' },
      { enterpriseId: ent(3), level: 1, month: '2026-09' },
      { enterpriseId: ent(4), level: 1, month: '2026-10' },
      { enterpriseId: ent(5), level: 3, month: '2026-01' },
    ]);
  });

  it('puts several sources in one month when a slice has fewer months than sources', () => {
    const plan = makePlan({ keyInspectionsPerYear: { 1: 12, 2: 0, 3: 0, 4: 0 } });
    const visits = keyInspectionSchedule(plan, [target(1, 'major', 1), target(2, 'major', 1)]);
    expect(visits).toHaveLength(24);
    expect(visits.filter((v) => v.month === '2026-05').map((v) => v.enterpriseId)).toEqual([
      ent(1),
      ent(2),
    ]);
  });

  it('matches the monthly breakdown, N visits a source, never two in one slice (property)', () => {
    fc.assert(
      fc.property(
        planArb,
        targetsArb,
        fc.record({
          1: fc.integer({ min: 0, max: 12 }),
          2: fc.integer({ min: 0, max: 12 }),
          3: fc.integer({ min: 0, max: 12 }),
          4: fc.integer({ min: 0, max: 12 }),
        }),
        (base, targets, keyInspectionsPerYear) => {
          const plan = { ...base, keyInspectionsPerYear };
          const visits = keyInspectionSchedule(plan, targets);
          for (const month of monthlyBreakdown(plan, targets)) {
            for (const level of [1, 2, 3, 4] as const) {
              const here = visits.filter((v) => v.month === month.month && v.level === level);
              expect(here.length).toBe(month.key.byLevel[level]);
            }
          }
          for (const t of targets) {
            const mine = visits.filter((v) => v.enterpriseId === t.enterpriseId);
            const n = t.majorHazardLevel === null ? 0 : keyInspectionsPerYear[t.majorHazardLevel];
            expect(mine).toHaveLength(n);
            const sliceOf = (month: number) =>
              Array.from({ length: n }, (_, i) => i).filter(
                (i) => Math.floor((12 * i) / n) <= month,
              ).length;
            const slices = mine.map((v) => sliceOf(Number(v.month.slice(5)) - 1));
            expect(new Set(slices).size).toBe(n);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('keyVisitDays', () => {
  it('is the whole month', () => {
    expect(keyVisitDays('2026-02')).toEqual({ dueFrom: '2026-02-01', dueBy: '2026-02-28' });
    expect(keyVisitDays('2028-02')).toEqual({ dueFrom: '2028-02-01', dueBy: '2028-02-29' });
    expect(keyVisitDays('2026-12')).toEqual({ dueFrom: '2026-12-01', dueBy: '2026-12-31' });
  });
});

describe('keyTaskChanges', () => {
  const visit = (n: number, month: string) => ({ enterpriseId: ent(n), level: 1 as const, month });
  const visits = [visit(1, '2026-03'), visit(2, '2026-04'), visit(3, '2026-05')];
  const live = [ruleKeyTask(1, '2026-03'), ruleKeyTask(2, '2026-04'), ruleKeyTask(3, '2026-06')];

  it('writes the whole year on the first approval, past months too', () => {
    expect(keyTaskChanges(visits, [], '2026-04-15', true)).toEqual({
      removed: [],
      added: visits,
    });
  });

  it('keeps the tasks of months begun and replaces the rest on a later approval', () => {
    // On 15 April, March and April have begun: their tasks stay; June's is replaced by May's.
    expect(keyTaskChanges(visits, live, '2026-04-15', false)).toEqual({
      removed: [live[2]],
      added: [visits[2]],
    });
    // On 1 April, April has begun.
    expect(keyTaskChanges(visits, live, '2026-04-01', false).removed).toEqual([live[2]]);
    // On 31 March, April has not begun yet.
    expect(keyTaskChanges(visits, live, '2026-03-31', false)).toEqual({
      removed: [live[1], live[2]],
      added: [visits[1], visits[2]],
    });
  });
});
