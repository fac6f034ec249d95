import { describe, expect, it } from 'vitest';
import { DASHBOARD_MONTHS, dashboardFigures } from '../../../../domain/rules/statistics';
import { ruleEnterprise, ruleFinding, ruleInspection, uid } from './fixture-records';

const today = '2026-03-10';

describe('dashboardFigures', () => {
  const enterprise = ruleEnterprise(201, { town: '330604001' });
  const inspection = ruleInspection({
    id: uid(101),
    enterpriseId: enterprise.id,
    agencyIds: [uid(801)],
    status: 'submitted',
    startedAt: '2026-03-02T09:30:00.000+08:00',
  });
  const finding = ruleFinding(1, {
    inspectionId: inspection.id,
    enterpriseId: enterprise.id,
    deadline: '2026-03-05',
  });
  const figures = dashboardFigures(
    { findings: [finding], inspections: [inspection], enterprises: [enterprise] },
    today,
  );

  it('covers the twelve months ending with the current one', () => {
    expect(figures.months).toHaveLength(DASHBOARD_MONTHS);
    expect(figures.months[0]).toBe('2025-04');
    expect(figures.months.at(-1)).toBe('2026-03');
    expect(figures.hazards.map((h) => h.month)).toEqual(figures.months);
    expect(figures.inspections.map((i) => i.month)).toEqual(figures.months);
  });

  it('counts the same records in every part on the same day', () => {
    expect(figures.today).toBe(today);
    expect(figures.hazards.at(-1)?.total).toBe(1);
    expect(figures.inspections.at(-1)?.total).toBe(1);
    expect(figures.rectification.district).toMatchObject({ findings: 1, due: 1, overdue: 1 });
    expect(figures.rectification.byAgency.map((r) => r.key)).toEqual([uid(801)]);
    expect(figures.rectification.byTown.map((r) => r.key)).toEqual(['330604001']);
    expect(figures.burden.to).toBe(today);
    expect(figures.burden.enterprises).toEqual([
      expect.objectContaining({ enterpriseId: enterprise.id, visits: 1 }),
    ]);
  });
});
