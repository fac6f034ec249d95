// The plan editor's values: percentages sent as basis points in the periods' order, checked with
// the request schema and the plan's own rules before anything is sent.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../../../domain/schemas/plan';
import {
  bpOf,
  checkCreate,
  checkEdit,
  contentOf,
  newPlanValues,
  sharesForKind,
  valuesOf,
  yearTotals,
} from '../../../../../renderer/src/features/plans/plan-form';

const IDENTITY = {
  agencyId: '0197a000-0000-7000-8000-0000000000a1',
  userId: '0197a000-0000-7000-8000-000000000001',
  placeholderId: '0197a000-0000-7000-8000-0000000000ff',
};

describe('plan form', () => {
  it('sends percentages as whole basis points, one entry per period of the kind in order', () => {
    const values = newPlanValues(2027);
    values.shares.Q2 = { major: 12.5, considerable: 0.25, general: 10, low: 0 };
    const content = contentOf(values);
    expect(content.shares.map((s) => s.period)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(content.shares[1]?.shares).toEqual({
      major: 1250,
      considerable: 25,
      general: 1000,
      low: 0,
    });
    expect(bpOf(0.01)).toBe(1);
  });

  it('makes a valid new plan from the defaults', () => {
    const checked = checkCreate(newPlanValues(2027), IDENTITY);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.request.year).toBe(2027);
  });

  it('refuses a class whose shares add up to more than the year, before sending', () => {
    const values = newPlanValues(2027);
    for (const key of ['Q1', 'Q2', 'Q3', 'Q4']) {
      const row = values.shares[key];
      if (row) row.major = 30;
    }
    expect(yearTotals(values).major).toBe(12_000);
    const checked = checkCreate(values, IDENTITY);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.problems).toContainEqual({ name: [], message: 'plan.sharesOverYear' });
    }
  });

  it('names the cell of an empty share and the field of a bad title', () => {
    const values = { ...newPlanValues(2027), title: '' };
    const row = values.shares.Q3;
    if (row) row.low = Number.NaN;
    const checked = checkCreate(values, IDENTITY);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      const names = checked.problems.map((p) => p.name.join('.'));
      expect(names).toContain('title');
      expect(names).toContain('shares.Q3.low');
    }
  });

  it('spreads the year’s shares over the new periods when the kind changes, never over 100 %', () => {
    const values = newPlanValues(2027);
    const months = sharesForKind(values, 'month');
    expect(Object.keys(months)).toHaveLength(12);
    expect(yearTotals({ periodKind: 'month', shares: months }).major).toBeLessThanOrEqual(10_000);
    expect(months.M01?.major).toBe(8.33);
  });

  it('edits a draft on the version read', () => {
    const created = checkCreate(newPlanValues(2027), IDENTITY);
    if (!created.ok) throw new Error('the defaults are valid');
    const draft: Plan = {
      id: IDENTITY.placeholderId,
      version: 3,
      updatedAt: '2027-01-02T08:00:00.000+08:00',
      deletedAt: null,
      createdBy: IDENTITY.userId,
      agencyId: IDENTITY.agencyId,
      revision: 1,
      previousRevisionId: null,
      revisionReason: null,
      status: 'draft',
      approval: null,
      ...created.request,
    };
    const values = valuesOf(draft);
    expect(values.shares.Q1?.major).toBe(25);
    const edited = checkEdit({ ...values, title: '修订后的计划' }, draft);
    expect(edited.ok && edited.request).toMatchObject({ baseVersion: 3, title: '修订后的计划' });
  });
});
