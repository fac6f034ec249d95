import { describe, expect, it } from 'vitest';
import {
  reinspectionOfficer,
  reinspectionVisitProblems,
} from '../../../../domain/rules/reinspection-visit';
import { ruleInspection, ruleUser, uid } from './fixture-records';

const lead = ruleUser(1);
const co = ruleUser(2);
const supervisor = ruleUser(3, { role: 'supervisor', username: 'supervisor.3' });
const uncertifiedSupervisor = ruleUser(4, {
  role: 'supervisor',
  username: 'supervisor.4',
  certificateNo: null,
});
const departed = ruleUser(5, { deletedAt: '2026-03-01T09:00:00.000+08:00' });
const users = [lead, co, supervisor, uncertifiedSupervisor, departed];

const visit = (leadId: string, coIds: string[], answered = false) =>
  ruleInspection({
    kind: 'reinspection',
    status: 'submitted',
    leadInspectorId: leadId,
    coInspectorIds: coIds,
    itemResults: answered ? [{ itemId: 'f-1', result: 'pass', note: '' }] : [],
  });

describe('a re-inspection visit', () => {
  it('made by two certified inspectors, answering nothing, has no problem', () => {
    expect(reinspectionVisitProblems(visit(lead.id, [co.id]), users)).toEqual([]);
  });

  it('needs two officers (两人以上执法): alone, or with the lead named again, it has one', () => {
    expect(reinspectionVisitProblems(visit(lead.id, []), users)).toEqual([
      { code: 'officers.tooFew', qualified: 1 },
    ]);
    expect(reinspectionVisitProblems(visit(lead.id, [lead.id]), users)).toEqual([
      { code: 'officers.tooFew', qualified: 1 },
    ]);
  });

  it('counts a supervisor with a certificate as its lead, not as a co-inspector', () => {
    expect(reinspectionVisitProblems(visit(supervisor.id, [co.id]), users)).toEqual([]);
    expect(reinspectionVisitProblems(visit(lead.id, [supervisor.id]), users)).toEqual([
      { code: 'officers.tooFew', qualified: 1 },
    ]);
    expect(reinspectionOfficer(supervisor, true)).toBe(true);
    expect(reinspectionOfficer(supervisor, false)).toBe(false);
    expect(reinspectionOfficer(uncertifiedSupervisor, true)).toBe(false);
  });

  it('does not count officers who have left or whom the directory does not hold', () => {
    expect(reinspectionVisitProblems(visit(lead.id, [departed.id, uid(77)]), users)).toEqual([
      { code: 'officers.tooFew', qualified: 1 },
    ]);
  });

  it('answers no checklist items', () => {
    expect(reinspectionVisitProblems(visit(lead.id, [co.id], true), users)).toEqual([
      { code: 'items.answered' },
    ]);
  });
});
