// Rows of the server's target list answer for the list screen's tests.
import type { RiskOverride } from '../../../../../domain/schemas/risk';
import type { TargetListAnswer, TargetRow } from '../../../../../domain/schemas/target-list-api';

export const AGENCY = '0197a000-0000-7000-8000-0000000000a1';
export const SUPERVISOR = '0197a000-0000-7000-8000-0000000000e1';

const factors = (level: 1 | null, open: number): TargetRow['factors'] => [
  {
    code: 'majorHazardSource',
    level,
    R: level ? 123.4 : null,
    points: level ? 40 : 0,
    floor: level ? 'general' : null,
  },
  { code: 'openMajorHazards', count: open, points: open * 10, floor: null },
  { code: 'overdueMajorHazards', count: 0, points: 0, floor: null },
  {
    code: 'rectificationRecord',
    due: 4,
    closedOnTime: 3,
    onTimeShare: 0.75,
    windowFrom: '2024-11-29',
    points: 10,
    floor: null,
  },
  { code: 'overdueMilestones', count: 0, points: 0, floor: null },
  { code: 'shutdownTrack', track: 'unassigned', points: 0, floor: null },
];

export function override(overrides: Partial<RiskOverride> = {}): RiskOverride {
  return {
    id: '0197a000-0000-7000-8000-0000000000f1',
    version: 1,
    updatedAt: '2026-11-28T02:00:00.000Z',
    deletedAt: null,
    createdBy: SUPERVISOR,
    enterpriseId: '0197a000-0000-7000-8000-0000000000c2',
    agencyId: AGENCY,
    riskClass: 'major',
    computedClass: 'low',
    reason: 'Unreported ammonia tanks',
    decidedBy: SUPERVISOR,
    decidedAt: '2026-11-28T02:00:00.000Z',
    ...overrides,
  };
}

export function row(overrides: Partial<TargetRow> = {}): TargetRow {
  return {
    enterpriseId: '0197a000-0000-7000-8000-0000000000c1',
    name: 'Hengtai Chemical',
    town: '330604400',
    majorHazardLevel: 1,
    factors: factors(1, 0),
    score: 50,
    computedClass: 'major',
    riskClass: 'major',
    override: null,
    ...overrides,
  };
}

export const lowRowOverridden = (): TargetRow =>
  row({
    enterpriseId: '0197a000-0000-7000-8000-0000000000c2',
    name: 'Anda Coatings',
    town: '330604101',
    majorHazardLevel: null,
    factors: factors(null, 0),
    score: 10,
    computedClass: 'low',
    riskClass: 'major',
    override: override(),
  });

export function answer(rows: TargetRow[] = [row(), lowRowOverridden()]): TargetListAnswer {
  return {
    agencyId: AGENCY,
    asOf: '2026-11-29',
    rows,
    overrides: rows.flatMap((r) =>
      r.override ? [{ override: r.override, withdrawnBy: null }] : [],
    ),
  };
}
