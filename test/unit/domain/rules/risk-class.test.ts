import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/rules/calendar-date';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import type { RiskFactor, RiskPolicy } from '../../../../domain/rules/risk-class';
import {
  assessRisk,
  classForScore,
  moreSevere,
  RISK_POLICY,
} from '../../../../domain/rules/risk-class';
import type { ChemicalHolding, Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import { riskClasses, riskRank } from '../../../../domain/schemas/risk';
import { ruleEnterprise, ruleFinding, ruleInspection, uid } from './fixture-records';
import { unitsFromChemicals } from '../../../../domain/rules/enterprise-units';

const today = '2026-03-10';
const enterprise = (overrides: Partial<Enterprise> = {}) => ruleEnterprise(200, overrides);
const inspection = ruleInspection({ status: 'submitted' });
const held = (name: string, cas: string, t: number): ChemicalHolding => ({
  name,
  cas,
  maxQuantityT: t,
});

/** Holdings and people that make a major hazard source of each level (see gb18218.test.ts). */
const sources: Record<1 | 2 | 3 | 4, Pick<Enterprise, 'units' | 'peopleWithin500m'>> = {
  1: { units: unitsFromChemicals([held('光气', '75-44-5', 3)]), peopleWithin500m: 0 },
  2: { units: unitsFromChemicals([held('液氯', '7782-50-5', 50)]), peopleWithin500m: 60 },
  3: { units: unitsFromChemicals([held('液氯', '7782-50-5', 20)]), peopleWithin500m: 10 },
  4: {
    units: unitsFromChemicals([held('液氨', '7664-41-7', 8), held('氢气', '1333-74-0', 1)]),
    peopleWithin500m: 40,
  },
};

let n = 0;
const hazard = (overrides: Partial<Finding> = {}) =>
  ruleFinding(++n, { grade: 'major', status: 'open', deadline: '2026-04-30', ...overrides });

const closed = (deadline: string, verifiedOn: string) =>
  hazard({
    grade: 'general',
    status: 'closed',
    deadline,
    verification: {
      inspectionId: uid(101),
      verifiedBy: uid(1),
      verifiedAt: `${verifiedOn}T10:00:00.000+08:00`,
      result: 'passed',
      photos: [],
    },
  });

const factor = <C extends RiskFactor['code']>(factors: RiskFactor[], code: C) =>
  factors.find((f) => f.code === code) as Extract<RiskFactor, { code: C }>;

const assess = (e: Enterprise, findings: Finding[] = []) =>
  assessRisk(e, findings, [inspection], today, defaultGb18218Table);

describe('assessRisk', () => {
  it('puts an enterprise with no major hazard source and a clean record in the low class, listing every factor at 0', () => {
    const a = assess(enterprise());
    expect(a).toMatchObject({ enterpriseId: uid(200), asOf: today, score: 0, riskClass: 'low' });
    expect(a.factors.map((f) => [f.code, f.points])).toEqual([
      ['majorHazardSource', 0],
      ['openMajorHazards', 0],
      ['overdueMajorHazards', 0],
      ['rectificationRecord', 0],
      ['overdueMilestones', 0],
      ['shutdownTrack', 0],
    ]);
  });

  it.each([
    [1, 40, 'considerable'],
    [2, 30, 'considerable'],
    [3, 20, 'general'],
    [4, 10, 'general'],
  ] as const)('scores a level-%i major hazard source %i points: %s', (level, points, riskClass) => {
    const a = assess(enterprise(sources[level]));
    expect(factor(a.factors, 'majorHazardSource')).toMatchObject({ level, points });
    expect(a.riskClass).toBe(riskClass);
  });

  it('raises a level-4 source to general though its 10 points alone are low, and says so', () => {
    const a = assess(enterprise(sources[4]));
    expect(a.scoreClass).toBe('low');
    expect(factor(a.factors, 'majorHazardSource').floor).toBe('general');
    expect(a.riskClass).toBe('general');
  });

  it('counts open major hazards (and those awaiting re-inspection) 10 each, at most 20', () => {
    const one = assess(enterprise(), [hazard()]);
    expect(factor(one.factors, 'openMajorHazards')).toMatchObject({ count: 1, points: 10 });
    const three = assess(enterprise(), [hazard(), hazard({ status: 'rectified' }), hazard()]);
    expect(factor(three.factors, 'openMajorHazards')).toMatchObject({ count: 3, points: 20 });
    expect(three.riskClass).toBe('general');
  });

  it('does not count general, closed, deleted, draft-inspection or other enterprises’ hazards as open major hazards', () => {
    const draft = ruleInspection({ id: uid(102), status: 'draft' });
    const a = assessRisk(
      enterprise(),
      [
        hazard({ grade: 'general' }),
        hazard({ status: 'closed' }),
        hazard({ deletedAt: '2026-03-05T10:00:00.000+08:00' }),
        hazard({ inspectionId: uid(102) }),
        hazard({ enterpriseId: uid(201) }),
      ],
      [inspection, draft],
      today,
      defaultGb18218Table,
    );
    expect(factor(a.factors, 'openMajorHazards').count).toBe(0);
  });

  it('adds 15 for each overdue major hazard, at most 30, and makes the enterprise at least considerable', () => {
    const one = assess(enterprise(), [hazard({ deadline: '2026-03-09' })]);
    expect(factor(one.factors, 'overdueMajorHazards')).toMatchObject({
      count: 1,
      points: 15,
      floor: 'considerable',
    });
    // 10 open + 15 overdue, and it is due and not closed on time, so the record scores 15 too.
    expect(factor(one.factors, 'rectificationRecord')).toMatchObject({ due: 1, points: 15 });
    expect(one.score).toBe(40);
    expect(one.riskClass).toBe('considerable');

    const alone = assessRisk(
      enterprise(),
      [hazard({ deadline: '2026-03-09' })],
      [inspection],
      today,
      defaultGb18218Table,
      {
        ...RISK_POLICY,
        rectification: { windowMonths: 24, bands: [] },
      },
    );
    expect(alone.score).toBe(25);
    expect(alone.scoreClass).toBe('general');
    expect(alone.riskClass).toBe('considerable');

    const two = assess(enterprise(), [
      hazard({ deadline: '2026-03-01' }),
      hazard({ deadline: '2026-02-01' }),
      hazard({ deadline: '2026-01-01' }),
    ]);
    expect(factor(two.factors, 'overdueMajorHazards')).toMatchObject({ count: 3, points: 30 });
    expect(two.score).toBe(20 + 30 + 15);
    expect(two.riskClass).toBe('major');
  });

  it('does not count the deadline day itself as overdue', () => {
    const a = assess(enterprise(), [hazard({ deadline: today })]);
    expect(factor(a.factors, 'overdueMajorHazards').count).toBe(0);
  });

  it('makes a level-1 source with an open major hazard major', () => {
    const a = assess(enterprise(sources[1]), [hazard()]);
    expect(a.score).toBe(50);
    expect(a.riskClass).toBe('major');
  });

  it('scores the rectification record by the share of hazards due in 24 months closed on time', () => {
    const onTime = closed('2026-02-01', '2026-01-25');
    const late = closed('2026-02-01', '2026-02-05');
    const overdue = hazard({ grade: 'general', deadline: '2026-02-15' });
    const notYetDue = hazard({ grade: 'general', deadline: '2026-06-01' });
    const a = assess(
      enterprise(),
      [onTime, onTime, onTime, late, overdue, notYetDue].map((f, i) => ({
        ...f,
        id: uid(5000 + i),
      })),
    );
    // Due: 3 on time, 1 late, 1 overdue = 5; 3 / 5 = 0.6, not under 0.6: the next band, 10.
    expect(factor(a.factors, 'rectificationRecord')).toMatchObject({
      due: 5,
      closedOnTime: 3,
      onTimeShare: 0.6,
      windowFrom: '2024-03-10',
      points: 10,
    });
  });

  it.each([
    [[1, 1], 0],
    [[19, 20], 0],
    [[18, 20], 5],
    [[15, 20], 10],
    [[11, 20], 15],
  ] as const)('gives %j closed on time of due %i points', ([good, due], points) => {
    const findings = Array.from({ length: due }, (_, i) =>
      i < good ? closed('2026-02-01', '2026-01-20') : closed('2026-02-01', '2026-02-20'),
    );
    expect(factor(assess(enterprise(), findings).factors, 'rectificationRecord').points).toBe(
      points,
    );
  });

  it('leaves hazards found before the window out of the rectification record', () => {
    const old = ruleInspection({
      id: uid(103),
      status: 'submitted',
      startedAt: '2024-03-09T09:00:00.000+08:00',
    });
    const a = assessRisk(
      enterprise(),
      [closed('2024-04-01', '2024-05-01')].map((f) => ({ ...f, inspectionId: uid(103) })),
      [old],
      today,
      defaultGb18218Table,
    );
    expect(factor(a.factors, 'rectificationRecord')).toMatchObject({
      due: 0,
      onTimeShare: null,
      points: 0,
    });
  });

  it('adds 10 for an overdue milestone of the track and 5 for the shutdown track', () => {
    const a = assess(
      enterprise({
        track: 'shutdown',
        trackMilestones: [
          { title: '停产', due: '2026-03-01', doneAt: null },
          { title: '拆除', due: '2026-01-01', doneAt: null },
          { title: '评估', due: '2025-12-01', doneAt: '2025-11-20T10:00:00.000+08:00' },
        ],
      }),
    );
    expect(factor(a.factors, 'overdueMilestones')).toMatchObject({ count: 2, points: 10 });
    expect(factor(a.factors, 'shutdownTrack')).toMatchObject({ track: 'shutdown', points: 5 });
    expect(a).toMatchObject({ score: 15, riskClass: 'general' });
  });

  it('follows another policy when given one', () => {
    const strict: RiskPolicy = {
      ...RISK_POLICY,
      thresholds: { major: 20, considerable: 10, general: 5 },
    };
    expect(
      assessRisk(enterprise(sources[3]), [], [], today, defaultGb18218Table, strict).riskClass,
    ).toBe('major');
  });

  it('scores the sum of its factors, and is never below the score’s class or any factor’s floor', () => {
    const finding = fc.record({
      grade: fc.constantFrom('general' as const, 'major' as const),
      status: fc.constantFrom('open' as const, 'rectified' as const),
      days: fc.integer({ min: -400, max: 60 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(null, 1, 2, 3, 4),
        fc.array(finding, { maxLength: 8 }),
        fc.constantFrom('cluster_upgrade' as const, 'shutdown' as const, 'unassigned' as const),
        (level, list, track) => {
          const e = enterprise({ ...(level === null ? {} : sources[level]), track });
          const findings = list.map((f, i) =>
            hazard({
              id: uid(6000 + i),
              grade: f.grade,
              status: f.status,
              deadline: addDays(today, f.days),
            }),
          );
          const a = assess(e, findings);
          expect(a.score).toBe(a.factors.reduce((s, f) => s + f.points, 0));
          expect(a.scoreClass).toBe(classForScore(a.score));
          expect(riskRank(a.riskClass)).toBeLessThanOrEqual(riskRank(a.scoreClass));
          for (const f of a.factors) {
            if (f.floor !== null)
              expect(riskRank(a.riskClass)).toBeLessThanOrEqual(riskRank(f.floor));
          }
          // The class is the score's raised to the floors, no higher.
          const floors = a.factors.flatMap((f) => (f.floor === null ? [] : [f.floor]));
          expect(a.riskClass).toBe(floors.reduce(moreSevere, a.scoreClass));
        },
      ),
    );
  });
});

describe('classForScore', () => {
  it('starts each class at its threshold', () => {
    expect([0, 14, 15, 29, 30, 49, 50, 120].map((s) => classForScore(s))).toEqual([
      'low',
      'low',
      'general',
      'general',
      'considerable',
      'considerable',
      'major',
      'major',
    ]);
  });

  it('never gives a lower class for a higher score', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(riskRank(classForScore(hi))).toBeLessThanOrEqual(riskRank(classForScore(lo)));
      }),
    );
  });

  it('ranks the classes most severe first', () => {
    expect(riskClasses.map(riskRank)).toEqual([0, 1, 2, 3]);
    expect(moreSevere('general', 'considerable')).toBe('considerable');
    expect(moreSevere('major', 'low')).toBe('major');
  });
});
