import { describe, expect, it } from 'vitest';
import {
  hazardCountsByMonth,
  rectificationByAgency,
  rectificationByTown,
  rectificationTotal,
} from '../../../../domain/rules/statistics';
import type { Finding } from '../../../../domain/schemas/finding';
import { ruleEnterprise, ruleFinding, ruleInspection, uid } from './fixture-records';

// A small district, counted by hand in the comments below. Today is 10 March 2026.
const today = '2026-03-10';
const [A, B, C] = [uid(801), uid(802), uid(803)];
const T1 = '330604001';
const T2 = '330604400';
const E1 = ruleEnterprise(201, { town: T1 });
const E2 = ruleEnterprise(202, { town: T2 });

const inspection = (n: number, o: Parameters<typeof ruleInspection>[0]) =>
  ruleInspection({ id: uid(n), status: 'submitted', ...o });
const inspections = [
  // 17:00 UTC on 31 January is 01:00 on 1 February in China: a February inspection.
  inspection(1, { enterpriseId: E1.id, agencyIds: [A], startedAt: '2026-01-31T17:00:00.000Z' }),
  inspection(2, {
    enterpriseId: E2.id,
    agencyIds: [A, B],
    kind: 'joint',
    startedAt: '2026-02-10T09:00:00.000+08:00',
  }),
  inspection(3, {
    enterpriseId: E1.id,
    agencyIds: [A],
    status: 'draft',
    startedAt: '2026-02-11T09:00:00.000+08:00',
  }),
  inspection(4, {
    enterpriseId: E1.id,
    agencyIds: [A],
    deletedAt: '2026-02-12T09:00:00.000+08:00',
    startedAt: '2026-02-12T09:00:00.000+08:00',
  }),
  inspection(5, {
    enterpriseId: E1.id,
    agencyIds: [B],
    startedAt: '2026-01-15T10:00:00.000+08:00',
  }),
  inspection(6, {
    enterpriseId: E2.id,
    agencyIds: [C],
    kind: 'special',
    startedAt: '2026-03-03T09:00:00.000+08:00',
  }),
];

const verified = (verifiedAt: string): Finding['verification'] => ({
  inspectionId: uid(7),
  verifiedBy: uid(1),
  verifiedAt,
  result: 'passed',
  photos: [],
});
const finding = (n: number, inspectionN: number, o: Partial<Finding>) =>
  ruleFinding(n, {
    inspectionId: uid(inspectionN),
    enterpriseId: inspectionN === 2 || inspectionN === 6 ? E2.id : E1.id,
    ...o,
  });
const findings = [
  // F1: open, deadline passed → due and overdue.
  finding(11, 1, { category: 'fire', grade: 'general', status: 'open', deadline: '2026-03-01' }),
  // F2: closed on 5 March, deadline 20 March → due (closed), on time.
  finding(12, 1, {
    category: 'fire',
    grade: 'major',
    status: 'closed',
    deadline: '2026-03-20',
    verification: verified('2026-03-05T10:00:00.000+08:00'),
  }),
  // F3: verified 17:00 UTC on 25 Feb = 26 Feb in China, deadline 25 Feb → late.
  finding(13, 2, {
    category: 'wastewater',
    grade: 'general',
    status: 'closed',
    deadline: '2026-02-25',
    verification: verified('2026-02-25T17:00:00.000Z'),
  }),
  // F4: rectified, awaiting re-inspection, deadline passed → due, not closed, not overdue.
  finding(14, 2, {
    category: 'waste_gas',
    grade: 'major',
    status: 'rectified',
    deadline: '2026-03-05',
  }),
  // F5: open, deadline today → not yet due.
  finding(15, 2, { category: 'fire', grade: 'general', status: 'open', deadline: today }),
  // F6: of a draft; F7: deleted; F9: of a deleted inspection → none counted.
  finding(16, 3, { status: 'open', deadline: '2026-03-01' }),
  finding(17, 1, { deletedAt: '2026-02-02T09:00:00.000+08:00' }),
  finding(19, 4, { status: 'open', deadline: '2026-03-01' }),
  // F8: closed without a verification → due, closed, not on time.
  finding(18, 5, {
    category: 'electrical',
    grade: 'general',
    status: 'closed',
    deadline: '2026-02-15',
  }),
  // F10: open, deadline in April → not due.
  finding(20, 6, { category: 'other', grade: 'general', status: 'open', deadline: '2026-04-01' }),
];

describe('hazardCountsByMonth', () => {
  it('counts recorded hazards by the China month they were found, category and grade', () => {
    const [jan, feb, mar] = hazardCountsByMonth(findings, inspections, [
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(jan).toMatchObject({ month: '2026-01', total: 1, byGrade: { general: 1, major: 0 } });
    expect(jan?.byCategory.electrical).toEqual({ general: 1, major: 0 });
    // February: F1, F2 (inspection 1, 1 Feb in China) and F3, F4, F5 (inspection 2).
    expect(feb).toMatchObject({ month: '2026-02', total: 5, byGrade: { general: 3, major: 2 } });
    expect(feb?.byCategory.fire).toEqual({ general: 2, major: 1 });
    expect(feb?.byCategory.wastewater).toEqual({ general: 1, major: 0 });
    expect(feb?.byCategory.waste_gas).toEqual({ general: 0, major: 1 });
    expect(feb?.byCategory.electrical).toEqual({ general: 0, major: 0 });
    expect(mar).toMatchObject({ month: '2026-03', total: 1, byGrade: { general: 1, major: 0 } });
    expect(mar?.byCategory.other).toEqual({ general: 1, major: 0 });
  });

  it('gives every month asked for, with zeros, and nothing outside them', () => {
    const rows = hazardCountsByMonth(findings, inspections, ['2025-12', '2026-02']);
    expect(rows.map((r) => [r.month, r.total])).toEqual([
      ['2025-12', 0],
      ['2026-02', 5],
    ]);
  });
});

describe('rectification rates', () => {
  it('by agency, counting a joint inspection for each of its agencies', () => {
    expect(rectificationByAgency(findings, inspections, today)).toEqual([
      // A: F1, F2, F3, F4, F5. Due F1–F4; closed F2, F3; on time F2; overdue F1.
      {
        key: A,
        findings: 5,
        due: 4,
        closed: 2,
        closedOnTime: 1,
        overdue: 1,
        rectificationRate: 0.5,
        onTimeRate: 0.5,
      },
      // B: F3, F4, F5, F8. Due F3, F4, F8; closed F3, F8; none on time.
      {
        key: B,
        findings: 4,
        due: 3,
        closed: 2,
        closedOnTime: 0,
        overdue: 0,
        rectificationRate: 2 / 3,
        onTimeRate: 0,
      },
      // C: F10 only, not yet due: no rate to show.
      {
        key: C,
        findings: 1,
        due: 0,
        closed: 0,
        closedOnTime: 0,
        overdue: 0,
        rectificationRate: null,
        onTimeRate: null,
      },
    ]);
  });

  it('by town of the enterprise', () => {
    const rows = rectificationByTown(findings, inspections, [E1, E2], today);
    expect(rows).toEqual([
      // T1 (E1): F1, F2, F8. All due; closed F2, F8; on time F2.
      {
        key: T1,
        findings: 3,
        due: 3,
        closed: 2,
        closedOnTime: 1,
        overdue: 1,
        rectificationRate: 2 / 3,
        onTimeRate: 0.5,
      },
      // T2 (E2): F3, F4, F5, F10. Due F3, F4; closed F3, late.
      {
        key: T2,
        findings: 4,
        due: 2,
        closed: 1,
        closedOnTime: 0,
        overdue: 0,
        rectificationRate: 0.5,
        onTimeRate: 0,
      },
    ]);
  });

  it('leaves out the hazards of an enterprise no longer listed', () => {
    const rows = rectificationByTown(
      findings,
      inspections,
      [E1, { ...E2, deletedAt: '2026-03-01T00:00:00.000+08:00' }],
      today,
    );
    expect(rows.map((r) => r.key)).toEqual([T1]);
  });

  it('for the district, each hazard once', () => {
    expect(rectificationTotal(findings, inspections, today)).toEqual({
      key: 'district',
      findings: 7,
      due: 5,
      closed: 3,
      closedOnTime: 1,
      overdue: 1,
      rectificationRate: 3 / 5,
      onTimeRate: 1 / 3,
    });
  });

  it('counts a hazard closed on its deadline day as on time', () => {
    const onTheDay = finding(21, 1, {
      status: 'closed',
      deadline: '2026-03-05',
      verification: verified('2026-03-05T23:59:00.000+08:00'),
    });
    expect(rectificationTotal([onTheDay], inspections, today)).toMatchObject({
      closedOnTime: 1,
      onTimeRate: 1,
    });
  });
});
