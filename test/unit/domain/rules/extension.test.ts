import { describe, expect, it } from 'vitest';
import {
  ExtensionError,
  decideExtension,
  extensionDeciderProblem,
  extensionDecisionProblem,
  extensionRequestProblem,
  pendingExtension,
  requestExtension,
} from '../../../../domain/rules/extension';
import type { ExtensionDecisionInput } from '../../../../domain/rules/extension';
import { originalDeadline, reportRectification } from '../../../../domain/rules/rectification';
import { findingSchema } from '../../../../domain/schemas/finding';
import { ruleFinding, ruleInspection, ruleUser, uid } from './fixture-records';

const today = '2026-11-29';
const clerk = { userId: uid(20), at: '2026-11-29T02:00:00.000Z', today };
const boss = { userId: uid(30), at: '2026-11-30T02:00:00.000Z', today: '2026-11-30' };
const open = ruleFinding(1, { status: 'open', deadline: '2026-12-05' });
const ask = {
  requestedOn: '2026-11-28',
  reason: ' 设备到货延迟 ',
  requestedDeadline: '2027-01-15',
};
const asked = requestExtension(open, ask, clerk, uid(50));

describe('requesting more time', () => {
  it('keeps the request undecided and appends a step naming it', () => {
    expect(asked.extensions).toEqual([
      {
        id: uid(50),
        requestedOn: '2026-11-28',
        reason: '设备到货延迟',
        requestedDeadline: '2027-01-15',
        recordedBy: uid(20),
        recordedAt: clerk.at,
        decision: null,
      },
    ]);
    expect(asked.history).toEqual([{ kind: 'extensionRequested', extensionId: uid(50) }]);
    expect(asked.deadline).toBe('2026-12-05');
    expect(pendingExtension(asked)?.id).toBe(uid(50));
    expect(findingSchema.parse(asked)).toEqual(asked);
  });

  it('names what is wrong with a request', () => {
    const problem = (input: Partial<typeof ask>, f = open) =>
      extensionRequestProblem(f, { ...ask, ...input }, today);
    expect(problem({})).toBeNull();
    expect(problem({}, { ...open, status: 'rectified' })).toBe('notOpen');
    expect(problem({}, { ...open, status: 'closed' })).toBe('notOpen');
    expect(problem({}, asked)).toBe('pending');
    expect(problem({ requestedOn: '2026-02-30' })).toBe('requestedOn.invalid');
    expect(problem({ requestedOn: '2026-11-30' })).toBe('requestedOn.future');
    expect(problem({ reason: '  ' })).toBe('reason.required');
    expect(problem({ reason: 'x'.repeat(2001) })).toBe('reason.tooLong');
    expect(problem({ requestedDeadline: '' })).toBe('requestedDeadline.invalid');
    // Not later than the current deadline, or (for an overdue hazard) not later than today.
    expect(problem({ requestedDeadline: '2026-12-05' })).toBe('requestedDeadline.notLater');
    const overdue = { ...open, deadline: '2026-11-01' };
    expect(problem({ requestedDeadline: today }, overdue)).toBe('requestedDeadline.notLater');
    expect(() => requestExtension(asked, ask, clerk, uid(51))).toThrow(ExtensionError);
  });
});

describe('deciding a request', () => {
  const grant: ExtensionDecisionInput = {
    extensionId: uid(50),
    result: 'granted',
    newDeadline: '2027-01-10',
    comment: '',
  };

  it('a grant moves the deadline to the date granted and keeps the one before', () => {
    const granted = decideExtension(asked, grant, boss);
    expect(granted.deadline).toBe('2027-01-10');
    expect(granted.extensions?.[0]?.decision).toEqual({
      result: 'granted',
      newDeadline: '2027-01-10',
      comment: '',
      decidedBy: uid(30),
      decidedAt: boss.at,
    });
    expect(granted.history?.at(-1)).toEqual({
      kind: 'extensionDecided',
      extensionId: uid(50),
      deadlineBefore: '2026-12-05',
    });
    expect(originalDeadline(granted)).toBe('2026-12-05');
    expect(pendingExtension(granted)).toBeNull();
    expect(findingSchema.parse(granted)).toEqual(granted);
    // Decided once: a new request may follow.
    expect(
      extensionRequestProblem(granted, { ...ask, requestedDeadline: '2027-02-01' }, today),
    ).toBeNull();
  });

  it('a refusal keeps the deadline and its comment', () => {
    const refused = decideExtension(
      asked,
      { extensionId: uid(50), result: 'refused', newDeadline: '2027-01-10', comment: ' 理由不足 ' },
      boss,
    );
    expect(refused.deadline).toBe('2026-12-05');
    expect(refused.extensions?.[0]?.decision).toEqual({
      result: 'refused',
      comment: '理由不足',
      decidedBy: uid(30),
      decidedAt: boss.at,
    });
    expect(findingSchema.parse(refused)).toEqual(refused);
  });

  it('names what is wrong with a decision', () => {
    const problem = (input: Partial<ExtensionDecisionInput>, f = asked) =>
      extensionDecisionProblem(f, { ...grant, ...input }, '2026-11-30');
    expect(problem({})).toBeNull();
    expect(problem({ extensionId: uid(99) })).toBe('decision.unknown');
    expect(problem({}, decideExtension(asked, grant, boss))).toBe('decision.alreadyDecided');
    expect(problem({}, { ...asked, status: 'closed' })).toBe('closed');
    // A hazard reported rectified meanwhile may still have its request answered.
    const reported = reportRectification(asked, { reportedOn: today, note: '' }, clerk);
    expect(problem({}, reported)).toBeNull();
    expect(problem({ newDeadline: null })).toBe('newDeadline.required');
    expect(problem({ newDeadline: '2026-11-30' })).toBe('newDeadline.notAfterToday');
    expect(problem({ newDeadline: '2026-12-05' })).toBe('newDeadline.notAfterDeadline');
    expect(problem({ result: 'refused' })).toBe('comment.required');
    expect(problem({ result: 'refused', comment: 'x'.repeat(2001) })).toBe('comment.tooLong');
    expect(problem({ result: 'refused', comment: '理由不足', newDeadline: null })).toBeNull();
  });
});

describe('who decides', () => {
  const found = ruleInspection({
    agencyIds: [uid(800)],
    leadInspectorId: uid(1),
    coInspectorIds: [uid(2)],
  });
  const supervisor = (n: number, agencyId = uid(800)) =>
    ruleUser(n, { role: 'supervisor', agencyId, certificateNo: null });

  it('a supervisor of an agency of the inspection who did not take part in it', () => {
    expect(extensionDeciderProblem(supervisor(30), found)).toBeNull();
    expect(extensionDeciderProblem(ruleUser(30), found)).toBe('notSupervisor');
    expect(extensionDeciderProblem(ruleUser(30, { role: 'admin' }), found)).toBe('notSupervisor');
    expect(extensionDeciderProblem(supervisor(30, uid(801)), found)).toBe('otherAgency');
    expect(extensionDeciderProblem(supervisor(2), found)).toBe('tookPart');
    expect(extensionDeciderProblem(supervisor(1), found)).toBe('tookPart');
  });
});
