import { describe, expect, it } from 'vitest';
import { conflictDeclarationProblem } from '../../../../domain/rules/conflict-declarations';
import { ruleUser, uid } from './fixture-records';

describe('conflictDeclarationProblem', () => {
  const officer = ruleUser(1);
  it('lets the officer and a supervisor of their agency declare or withdraw', () => {
    expect(conflictDeclarationProblem(officer, officer)).toBeNull();
    const supervisor = ruleUser(2, { role: 'supervisor' });
    expect(conflictDeclarationProblem(supervisor, officer)).toBeNull();
  });

  it('refuses another inspector, a supervisor of another agency, an administrator and a deleted officer', () => {
    for (const actor of [
      ruleUser(3),
      ruleUser(4, { role: 'supervisor', agencyId: uid(801) }),
      ruleUser(5, { role: 'admin', certificateNo: null }),
      { ...officer, deletedAt: '2026-11-29T08:00:00.000+08:00' },
    ]) {
      expect(conflictDeclarationProblem(actor, officer)).toBe('conflict.notYours');
    }
  });
});
