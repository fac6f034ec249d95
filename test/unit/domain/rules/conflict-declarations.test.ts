import { describe, expect, it } from 'vitest';
import { conflictDeclarationProblem } from '../../../../domain/rules/conflict-declarations';
import { makeUser, uid } from './fixture-records';

describe('conflictDeclarationProblem', () => {
  const officer = makeUser(1);
  it('lets the officer and a supervisor of their agency declare or withdraw', () => {
    expect(conflictDeclarationProblem(officer, officer)).toBeNull();
    const supervisor = makeUser(2, { role: 'supervisor' });
    expect(conflictDeclarationProblem(supervisor, officer)).toBeNull();
  });

  it('refuses another inspector, a supervisor of another agency, an administrator and a deleted officer', () => {
    for (const actor of [
      makeUser(3),
      makeUser(4, { role: 'supervisor', agencyId: uid(801) }),
      makeUser(5, { role: 'admin', certificateNo: null }),
      { ...officer, deletedAt: '2026-11-29T08:00:00.000+08:00' },
    ]) {
      expect(conflictDeclarationProblem(actor, officer)).toBe('conflict.notYours');
    }
  });
});
