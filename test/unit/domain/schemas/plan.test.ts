import { describe, expect, it } from 'vitest';
import { periodKeysOf, planSchema } from '../../../../domain/schemas/plan';
import { makePlan } from '../rules/plan-fixtures';

const approved = makePlan();
const draft = makePlan({ status: 'draft', approval: null });

const issuesOf = (input: unknown) => {
  const result = planSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
};

describe('planSchema', () => {
  it('accepts an approved plan and a draft', () => {
    expect(planSchema.parse(approved)).toEqual(approved);
    expect(planSchema.parse(draft)).toEqual(draft);
  });

  it('holds an approval exactly when approved', () => {
    expect(issuesOf({ ...approved, approval: null })).toEqual([
      { path: ['approval'], message: 'plan.approvalMismatch' },
    ]);
    expect(issuesOf({ ...draft, approval: approved.approval })).toEqual([
      { path: ['approval'], message: 'plan.approvalMismatch' },
    ]);
  });

  it('names no earlier version on revision 1, and the version revised and why on later ones', () => {
    expect(issuesOf({ ...draft, previousRevisionId: approved.id })).toEqual([
      { path: ['previousRevisionId'], message: 'plan.firstHasNoPrevious' },
    ]);
    expect(issuesOf({ ...draft, revision: 2 })).toEqual([
      { path: ['previousRevisionId'], message: 'plan.previousRequired' },
      { path: ['revisionReason'], message: 'plan.reasonRequired' },
    ]);
    expect(
      issuesOf({ ...draft, revision: 2, previousRevisionId: approved.id, revisionReason: '  ' }),
    ).toEqual([{ path: ['revisionReason'], message: 'required' }]);
    expect(
      issuesOf({
        ...draft,
        revision: 2,
        previousRevisionId: approved.id,
        revisionReason: '新增重点企业，调整抽查比例',
      }),
    ).toEqual([]);
  });

  it('has one share entry for each period of its kind, in order', () => {
    const [q1, q2, q3, q4] = approved.shares;
    expect(issuesOf({ ...approved, shares: [q1, q2, q3] })).toEqual([
      { path: ['shares'], message: 'plan.periodsMismatch' },
    ]);
    expect(issuesOf({ ...approved, shares: [q2, q1, q3, q4] })).toEqual([
      { path: ['shares'], message: 'plan.periodsMismatch' },
    ]);
    expect(issuesOf({ ...approved, periodKind: 'half' })).toEqual([
      { path: ['shares'], message: 'plan.periodsMismatch' },
    ]);
    expect(periodKeysOf('month')).toHaveLength(12);
  });

  it('refuses shares of a class adding up to more than every enterprise in a year', () => {
    const shares = approved.shares.map((s, i) => ({
      ...s,
      shares: { ...s.shares, major: i === 0 ? 2_501 : 2_500 },
    }));
    expect(issuesOf({ ...approved, shares })).toEqual([
      { path: ['shares', 'major'], message: 'plan.sharesOverYear' },
    ]);
  });

  it('takes shares as whole basis points from 0 to 10000', () => {
    for (const bad of [-1, 10_001, 12.5]) {
      const shares = approved.shares.map((s) => ({ ...s, shares: { ...s.shares, low: bad } }));
      expect(issuesOf({ ...approved, shares }).length).toBeGreaterThan(0);
    }
  });

  it('takes 0 to 12 key inspections a year per level', () => {
    expect(
      issuesOf({ ...approved, keyInspectionsPerYear: { 1: 13, 2: 2, 3: 1, 4: 1 } }),
    ).toHaveLength(1);
    expect(issuesOf({ ...approved, keyInspectionsPerYear: { 1: 4, 2: 2, 3: 1 } })).toHaveLength(1);
  });

  it('refuses a title the database cannot hold, naming the field', () => {
    expect(issuesOf({ ...approved, title: '计划\u0000' })).toEqual([
      { path: ['title'], message: 'text.unstorable' },
    ]);
  });
});
