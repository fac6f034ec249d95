import { describe, expect, it } from 'vitest';
import {
  byUrgency,
  caseCounts,
  isOverdue,
  mayApprove,
  mayEnter,
  mayHandle,
  nextStages,
  stageDueOn,
} from '../../../../domain/rules/penalty-stages';
import type { CaseStep, PenaltyCase } from '../../../../domain/schemas/penalty-case';

const step = (stage: CaseStep['stage'], dueOn: string, done = false): CaseStep => ({
  stage,
  startedAt: '2026-12-01T09:00:00+08:00',
  startedBy: '01963c5e-0000-7000-8000-000000000001',
  dueOn,
  completedAt: done ? '2026-12-02T09:00:00+08:00' : null,
  completedBy: done ? '01963c5e-0000-7000-8000-000000000001' : null,
  note: '',
});
type Listed = Pick<PenaltyCase, 'steps' | 'status' | 'openedAt'> & { name: string };
const listed = (name: string, status: PenaltyCase['status'], steps: CaseStep[]): Listed => ({
  name,
  status,
  steps,
  openedAt: '2026-12-01T09:00:00+08:00',
});
const NOW = new Date('2026-12-20T09:00:00+08:00');

describe('penalty case stages', () => {
  it('go in the statutory order, a hearing only after the notice', () => {
    expect(nextStages('filing')).toEqual(['investigation']);
    expect(nextStages('notice')).toEqual(['hearing', 'decision']);
    expect(nextStages('hearing')).toEqual(['decision']);
    expect(nextStages('investigation')).not.toContain('hearing');
    expect(nextStages('closing')).toEqual([]);
  });

  const AGENCY = '01963c5e-0000-7000-8000-0000000000a1';
  const officer = (n: number, role: 'inspector' | 'supervisor' | 'admin', agencyId = AGENCY) => ({
    id: `01963c5e-0000-7000-8000-00000000000${n}`,
    role,
    agencyId,
  });
  const opener = officer(1, 'inspector');
  const coInspector = officer(2, 'inspector');
  const colleague = officer(3, 'inspector');
  const supervisor = officer(4, 'supervisor');
  const handlingSupervisor = officer(5, 'supervisor');
  const otherSupervisor = officer(6, 'supervisor', '01963c5e-0000-7000-8000-0000000000a2');
  const theCase = {
    agencyId: AGENCY,
    openedBy: opener.id,
    handlers: [opener.id, coInspector.id, handlingSupervisor.id],
  };

  it('leave the notice, the decision and closing to a supervisor of the agency', () => {
    for (const stage of ['notice', 'decision', 'closing'] as const) {
      expect(mayEnter(opener, theCase, stage)).toBe(false);
      expect(mayEnter(supervisor, theCase, stage)).toBe(true);
      expect(mayEnter(otherSupervisor, theCase, stage)).toBe(false);
    }
    expect(mayEnter(officer(7, 'admin'), theCase, 'hearing')).toBe(false);
  });

  it('leave the hearing and execution to the handling officers or a supervisor', () => {
    for (const stage of ['hearing', 'execution'] as const) {
      expect(mayEnter(opener, theCase, stage)).toBe(true);
      expect(mayEnter(coInspector, theCase, stage)).toBe(true);
      expect(mayEnter(colleague, theCase, stage)).toBe(false);
      expect(mayEnter(supervisor, theCase, stage)).toBe(true);
    }
    expect(mayHandle(colleague, theCase)).toBe(false);
    // A case opened before handlers were kept: its applicant handles it.
    expect(mayHandle(coInspector, { agencyId: AGENCY, openedBy: opener.id })).toBe(false);
    expect(mayHandle(opener, { agencyId: AGENCY, openedBy: opener.id })).toBe(true);
  });

  it('are approved by a supervisor of the agency who neither applied for nor handles the case', () => {
    expect(mayApprove(supervisor, theCase)).toBe(true);
    expect(mayApprove(colleague, theCase)).toBe(false);
    expect(mayApprove(handlingSupervisor, theCase)).toBe(false);
    expect(mayApprove(otherSupervisor, theCase)).toBe(false);
    expect(mayApprove(supervisor, { ...theCase, openedBy: supervisor.id })).toBe(false);
  });

  it('count the decision’s 90 days from filing and the notice’s 5 working days from its own start, in China time', () => {
    expect(stageDueOn('decision', '2027-01-20T01:00:00Z', '2026-12-09T17:00:00Z')).toBe(
      '2027-03-10',
    );
    // Friday 2027-01-01 in China: Monday 4 to Friday 8 are the five working days.
    expect(stageDueOn('notice', '2026-12-31T17:00:00Z', '2026-12-01T00:00:00Z')).toBe('2027-01-08');
    // Wednesday 2026-12-09: Thursday, Friday, Monday, Tuesday, Wednesday 16.
    expect(stageDueOn('notice', '2026-12-09T02:00:00Z', null)).toBe('2026-12-16');
    expect(stageDueOn('execution', '2026-12-09T02:00:00Z', null)).toBe('2026-12-24');
    expect(stageDueOn('filing', '2026-12-10T01:00:00Z', null)).toBe('2026-12-17');
  });

  it('are overdue only while open or pending and past their day', () => {
    expect(isOverdue(listed('a', 'open', [step('notice', '2026-12-19')]), NOW)).toBe(true);
    expect(isOverdue(listed('b', 'open', [step('notice', '2026-12-20')]), NOW)).toBe(false);
    expect(isOverdue(listed('c', 'closed', [step('closing', '2026-12-01', true)]), NOW)).toBe(
      false,
    );
  });

  it('list overdue cases first, the longest overdue first, and count them', () => {
    const cases = [
      listed('later', 'open', [step('execution', '2027-01-01')]),
      listed('overdue', 'open', [step('notice', '2026-12-15')]),
      listed('waiting', 'pending', [step('filing', '2026-12-10')]),
      listed('closed', 'closed', [step('closing', '2026-12-01', true)]),
    ];
    expect(byUrgency(cases, NOW).map((c) => c.name)).toEqual([
      'waiting',
      'overdue',
      'later',
      'closed',
    ]);
    expect(caseCounts(cases, NOW)).toEqual({ pending: 1, open: 2, overdue: 2 });
  });
});
