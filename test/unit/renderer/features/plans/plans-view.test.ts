// How the plans screen groups versions by year and which actions each offers.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../../domain/schemas/plan';
import {
  nextPlanYear,
  planActions,
  plansByYear,
} from '../../../../../renderer/src/features/plans/plans-view';
import { makePlan } from '../../../domain/rules/plan-fixtures';

const id = (n: number) => `0197a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const approval = { by: id(700), at: '2026-01-05T09:00:00.000+08:00' };

describe('plans view', () => {
  const first = makePlan({ id: id(1), year: 2026, status: 'approved', approval });
  const second = makePlan({
    id: id(2),
    year: 2026,
    revision: 2,
    previousRevisionId: id(1),
    revisionReason: '新增重大危险源',
    status: 'draft',
    approval: null,
  });
  const next = makePlan({ id: id(3), year: 2027, status: 'draft', approval: null });
  const years = plansByYear([first, second, next]);

  it('groups versions by year, newest year and revision first, with the version in force and the draft', () => {
    expect(years.map((y) => y.year)).toEqual([2027, 2026]);
    const y2026 = years[1];
    expect(y2026?.versions.map((p: Plan) => p.revision)).toEqual([2, 1]);
    expect(y2026?.inForce?.id).toBe(first.id);
    expect(y2026?.draft?.id).toBe(second.id);
  });

  it('offers edit and approve on a draft, draws on the version in force, revise only without an open draft', () => {
    const y2026 = years[1];
    if (!y2026) throw new Error('2026 is listed');
    expect(planActions(second, y2026, true)).toEqual({
      edit: true,
      approve: true,
      revise: false,
      draw: false,
    });
    expect(planActions(first, y2026, true)).toEqual({
      edit: false,
      approve: false,
      revise: false,
      draw: true,
    });
    const alone = plansByYear([first])[0];
    if (!alone) throw new Error('listed');
    expect(planActions(first, alone, true).revise).toBe(true);
    expect(planActions(first, alone, false)).toEqual({
      edit: false,
      approve: false,
      revise: false,
      draw: false,
    });
  });

  it('offers a new plan for the first year from now without one', () => {
    expect(nextPlanYear([first, next], 2026)).toBe(2028);
    expect(nextPlanYear([next], 2026)).toBe(2026);
  });
});
