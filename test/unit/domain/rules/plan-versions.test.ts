import { describe, expect, it } from 'vitest';
import {
  approvedPlan,
  nextRevision,
  openDraft,
  planChangeProblem,
  planInForce,
} from '../../../../domain/rules/plan-versions';
import type { Plan } from '../../../../domain/schemas/plan';
import { planSchema } from '../../../../domain/schemas/plan';
import { AGENCY, PARTNER, makePlan } from './plan-fixtures';
import { ruleUser, uid } from './fixture-records';

const supervisor = ruleUser(700, { role: 'supervisor', certificateNo: null, agencyId: AGENCY });
const otherSupervisor = ruleUser(701, {
  role: 'supervisor',
  certificateNo: null,
  agencyId: AGENCY,
});
const now = '2026-01-20T10:00:00.000+08:00';

const draft1 = makePlan({ status: 'draft', approval: null });
const approved1 = approvedPlan(draft1, supervisor.id, now);

/** The next revision of a plan as the device would make it: a new id and sync fields. */
function revised(of: Plan, n: number, reason = '年中新增重大危险源企业，调整比例'): Plan {
  return planSchema.parse({
    ...nextRevision(of, reason),
    id: uid(610 + n),
    version: 0,
    updatedAt: now,
    deletedAt: null,
    createdBy: supervisor.id,
  });
}

describe('planChangeProblem', () => {
  it('lets a supervisor of the agency start the year’s plan as a draft, revision 1', () => {
    expect(planChangeProblem([], null, draft1, supervisor)).toBeNull();
  });

  it('refuses inspectors, administrators, deleted users and other agencies’ supervisors', () => {
    const actors = [
      ruleUser(702, { agencyId: AGENCY }),
      ruleUser(703, { role: 'admin', certificateNo: null, agencyId: AGENCY }),
      { ...supervisor, deletedAt: now },
      ruleUser(704, { role: 'supervisor', certificateNo: null, agencyId: PARTNER }),
    ];
    for (const actor of actors) {
      expect(planChangeProblem([], null, draft1, actor)).toBe('plan.notSupervisorOfAgency');
    }
  });

  it('refuses a new version that is not a draft', () => {
    expect(planChangeProblem([], null, approved1, supervisor)).toBe('plan.mustStartAsDraft');
  });

  it('refuses a first version that is not revision 1', () => {
    const second = { ...draft1, revision: 2, previousRevisionId: uid(1), revisionReason: '调整' };
    expect(planChangeProblem([], null, second, supervisor)).toBe('plan.revisionOutOfOrder');
  });

  it('lets a draft be edited, deleted and approved by a supervisor of the agency', () => {
    const edited = { ...draft1, title: '2026年度监督检查计划（修订稿）' };
    expect(planChangeProblem([draft1], draft1, edited, supervisor)).toBeNull();
    expect(
      planChangeProblem([draft1], draft1, { ...draft1, deletedAt: now }, supervisor),
    ).toBeNull();
    expect(planChangeProblem([draft1], draft1, approved1, supervisor)).toBeNull();
    // Another supervisor of the agency may approve a draft they did not write.
    expect(
      planChangeProblem(
        [draft1],
        draft1,
        approvedPlan(draft1, otherSupervisor.id, now),
        otherSupervisor,
      ),
    ).toBeNull();
  });

  it('refuses an approval recorded in someone else’s name', () => {
    expect(
      planChangeProblem(
        [draft1],
        draft1,
        approvedPlan(draft1, otherSupervisor.id, now),
        supervisor,
      ),
    ).toBe('plan.approverMismatch');
  });

  it('keeps a draft’s agency, year, revision and the version it revises', () => {
    for (const change of [
      { year: 2027 },
      { agencyId: PARTNER },
      { revision: 2, previousRevisionId: uid(1), revisionReason: '调整' },
    ]) {
      const after = { ...draft1, ...change };
      const actor = change.agencyId ? { ...supervisor, agencyId: PARTNER } : supervisor;
      expect(planChangeProblem([draft1], draft1, after, actor)).toBe('plan.identityChanged');
    }
  });

  it('never changes or deletes an approved version, but takes it sent again unchanged', () => {
    const changed = { ...approved1, shares: approved1.shares.slice().reverse() };
    expect(
      planChangeProblem([approved1], approved1, { ...approved1, title: '改' }, supervisor),
    ).toBe('plan.approvedIsFinal');
    expect(planChangeProblem([approved1], approved1, changed, supervisor)).toBe(
      'plan.approvedIsFinal',
    );
    expect(
      planChangeProblem([approved1], approved1, { ...approved1, deletedAt: now }, supervisor),
    ).toBe('plan.approvedIsFinal');
    expect(
      planChangeProblem(
        [approved1],
        approved1,
        { ...approved1, status: 'draft', approval: null },
        supervisor,
      ),
    ).toBe('plan.approvedIsFinal');
    expect(
      planChangeProblem(
        [approved1],
        approved1,
        { ...approved1, version: 7, updatedAt: now },
        supervisor,
      ),
    ).toBeNull();
  });

  it('takes a change after approval as the next revision, naming the approved version and why', () => {
    const draft2 = revised(approved1, 2);
    expect(draft2).toMatchObject({
      revision: 2,
      previousRevisionId: approved1.id,
      revisionReason: '年中新增重大危险源企业，调整比例',
      status: 'draft',
      approval: null,
      shares: approved1.shares,
    });
    expect(planChangeProblem([approved1], null, draft2, supervisor)).toBeNull();
    const approved2 = approvedPlan(draft2, supervisor.id, now);
    expect(planChangeProblem([approved1, draft2], draft2, approved2, supervisor)).toBeNull();
    const draft3 = revised(approved2, 3);
    expect(planChangeProblem([approved1, approved2], null, draft3, supervisor)).toBeNull();
  });

  it('refuses a second open draft, a skipped revision, and a revision of a superseded version', () => {
    const draft2 = revised(approved1, 2);
    expect(planChangeProblem([approved1, draft2], null, revised(approved1, 3), supervisor)).toBe(
      'plan.draftExists',
    );
    const skipped = { ...revised(approved1, 3), revision: 3 };
    expect(planChangeProblem([approved1], null, skipped, supervisor)).toBe(
      'plan.revisionOutOfOrder',
    );
    const approved2 = approvedPlan(draft2, supervisor.id, now);
    const ofOld = { ...revised(approved1, 4), revision: 3 };
    expect(planChangeProblem([approved1, approved2], null, ofOld, supervisor)).toBe(
      'plan.previousNotLatest',
    );
  });

  it('lets a deleted draft make way for a new one', () => {
    const dropped = { ...revised(approved1, 2), deletedAt: now };
    expect(
      planChangeProblem([approved1, dropped], null, revised(approved1, 3), supervisor),
    ).toBeNull();
  });
});

describe('planInForce and openDraft', () => {
  it('is the approved version of the highest revision; a newer draft does not replace it until approved', () => {
    const draft2 = revised(approved1, 2);
    expect(planInForce([draft1])).toBeUndefined();
    expect(planInForce([approved1, draft2])).toBe(approved1);
    expect(openDraft([approved1, draft2])).toBe(draft2);
    const approved2 = approvedPlan(draft2, supervisor.id, now);
    expect(planInForce([approved2, approved1])).toBe(approved2);
    expect(openDraft([approved1, approved2])).toBeUndefined();
  });
});

describe('nextRevision and approvedPlan', () => {
  it('revise only an approved version and approve only a draft', () => {
    expect(() => nextRevision(draft1, '调整')).toThrow(RangeError);
    expect(() => approvedPlan(approved1, supervisor.id, now)).toThrow(RangeError);
  });

  it('record the approver and the time', () => {
    expect(approved1).toMatchObject({
      status: 'approved',
      approval: { by: supervisor.id, at: now },
    });
    expect(planSchema.parse(approved1)).toEqual(approved1);
  });
});
