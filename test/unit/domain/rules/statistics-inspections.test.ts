import { describe, expect, it } from 'vitest';
import {
  BURDEN_THRESHOLDS,
  inspectionBurden,
  inspectionsByMonth,
} from '../../../../domain/rules/statistics';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { ruleEnterprise, ruleInspection, uid } from './fixture-records';

const today = '2026-03-10';
const [A, B] = [uid(801), uid(802)];
let next = 1000;
const visit = (enterpriseN: number, startedAt: string, o: Partial<Inspection> = {}) =>
  ruleInspection({
    id: uid(next++),
    enterpriseId: uid(enterpriseN),
    agencyIds: [A],
    status: 'submitted',
    startedAt: startedAt.length === 10 ? `${startedAt}T09:00:00.000+08:00` : startedAt,
    ...o,
  });

describe('inspectionsByMonth', () => {
  it('counts submitted inspections by the China month they started and by kind', () => {
    const list = [
      visit(201, '2026-01-31T17:00:00.000Z'), // 1 February in China
      visit(201, '2026-02-10', { kind: 'joint', agencyIds: [A, B] }),
      visit(201, '2026-01-15'),
      visit(201, '2026-03-03', { kind: 'special' }),
      visit(201, '2026-02-11', { status: 'draft' }),
      visit(201, '2026-02-12', { deletedAt: '2026-02-12T10:00:00.000+08:00' }),
    ];
    const rows = inspectionsByMonth(list, ['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(rows.map((r) => [r.month, r.total])).toEqual([
      ['2025-12', 0],
      ['2026-01', 1],
      ['2026-02', 2],
      ['2026-03', 1],
    ]);
    expect(rows[2]?.byKind).toEqual({ routine: 1, special: 0, joint: 1, reinspection: 0 });
    expect(rows[3]?.byKind).toEqual({ routine: 0, special: 1, joint: 0, reinspection: 0 });
  });
});

describe('inspectionBurden', () => {
  const enterprises = [
    ...Array.from({ length: 10 }, (_, i) => ruleEnterprise(201 + i)),
    ruleEnterprise(211, { deletedAt: '2026-01-01T00:00:00.000+08:00' }),
  ];
  const list = [
    // E1: six visits by agency A alone, one a month.
    ...['2025-04-08', '2025-05-08', '2025-06-08', '2025-07-08', '2025-08-08', '2025-09-08'].map(
      (d) => visit(201, d),
    ),
    // E2: A and B came separately in June.
    visit(202, '2025-06-03'),
    visit(202, '2025-06-20', { agencyIds: [B] }),
    // E3: a joint visit and A's re-inspection in July: nothing to combine.
    visit(203, '2025-07-01', { kind: 'joint', agencyIds: [A, B] }),
    visit(203, '2025-07-25', { kind: 'reinspection' }),
    // E4: one day outside the window (12 months ago), one inside, one tomorrow in China.
    visit(204, '2025-03-10T23:00:00.000+08:00'),
    visit(204, '2025-03-11T00:30:00.000+08:00'),
    visit(204, '2026-03-10T16:30:00.000Z'),
    // E5: A came twice in one month: frequent, but no other agency to combine with.
    visit(205, '2025-10-02'),
    visit(205, '2025-10-20', { kind: 'special' }),
    // A draft for E6 is not a visit on record; the deleted E11's visits count for no one.
    visit(206, '2025-11-02', { status: 'draft' }),
    ...Array.from({ length: 10 }, () => visit(211, '2025-12-01')),
  ];

  it('counts visits in the twelve months ending today and flags the outliers', () => {
    const report = inspectionBurden(list, enterprises, today);
    expect(report.from).toBe('2025-03-11');
    expect(report.to).toBe(today);
    // Visits 6, 2, 2, 1, 2 and five zeros: mean 13 / 10 = 1.3; squared deviations
    // 22.09 + 3·0.49 + 0.09 + 5·1.69 = 32.1; sd = √3.21 ≈ 1.79; threshold ≈ 4.88.
    expect(report.mean).toBeCloseTo(1.3, 10);
    expect(report.sd).toBeCloseTo(Math.sqrt(3.21), 10);
    expect(report.visitThreshold).toBeCloseTo(1.3 + 2 * Math.sqrt(3.21), 10);
    expect(report.enterprises.map((e) => [e.enterpriseId, e.visits])).toEqual([
      [uid(201), 6],
      [uid(202), 2],
      [uid(203), 2],
      [uid(205), 2],
      [uid(204), 1],
      [uid(206), 0],
      [uid(207), 0],
      [uid(208), 0],
      [uid(209), 0],
      [uid(210), 0],
    ]);
    const [e1, e2, e3, e5] = report.enterprises;
    expect(e1).toEqual({
      enterpriseId: uid(201),
      visits: 6,
      agencies: 1,
      separateVisitMonths: [],
      overInspected: true,
      reasons: ['burden.manyVisits'],
      suggestion: 'burden.reviewFrequency',
    });
    expect(e2).toEqual({
      enterpriseId: uid(202),
      visits: 2,
      agencies: 2,
      separateVisitMonths: ['2025-06'],
      overInspected: true,
      reasons: ['burden.separateAgencyVisits'],
      suggestion: 'burden.combineIntoJointInspection',
    });
    expect(e3).toMatchObject({ agencies: 2, overInspected: false, suggestion: null });
    expect(e5).toMatchObject({ agencies: 1, separateVisitMonths: [], overInspected: false });
    expect(report.enterprises.filter((e) => e.overInspected)).toHaveLength(2);
  });

  it('follows the thresholds it is given', () => {
    const strict = { ...BURDEN_THRESHOLDS, minVisits: 7, agenciesInMonth: 3 };
    const report = inspectionBurden(list, enterprises, today, strict);
    expect(report.enterprises.filter((e) => e.overInspected)).toEqual([]);
  });

  it('suggests a joint inspection when several agencies make up the many visits', () => {
    const shared = [
      ...['2025-04-08', '2025-06-08', '2025-08-08'].map((d) => visit(201, d)),
      ...['2025-05-08', '2025-07-08', '2025-09-08'].map((d) => visit(201, d, { agencyIds: [B] })),
    ];
    const [top] = inspectionBurden(shared, enterprises, today).enterprises;
    expect(top).toMatchObject({
      visits: 6,
      agencies: 2,
      separateVisitMonths: [],
      reasons: ['burden.manyVisits'],
      suggestion: 'burden.combineIntoJointInspection',
    });
  });

  it('has nothing to say about an empty district', () => {
    expect(inspectionBurden([], [], today)).toEqual({
      from: '2025-03-11',
      to: today,
      mean: 0,
      sd: 0,
      visitThreshold: 0,
      enterprises: [],
    });
  });
});
