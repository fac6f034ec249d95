import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/rules/calendar-date';
import {
  compareForDeadlineBoard,
  DEFAULT_DEADLINE_DAYS,
  daysRemaining,
  defaultDeadline,
  effectiveStatus,
  isListedForSupervision,
  isOverdue,
  validateDeadline,
} from '../../../../domain/rules/deadlines';
import type { FindingStatus } from '../../../../domain/schemas/finding';

const today = '2026-03-10';

describe('defaultDeadline', () => {
  it('gives a general hazard 15 days and a major one 60', () => {
    expect(DEFAULT_DEADLINE_DAYS).toEqual({ general: 15, major: 60 });
    expect(defaultDeadline('general', '2026-01-20')).toBe('2026-02-04');
    // 20 Jan + 60 days: 11 days to 31 Jan, 28 in February, 21 in March (11 + 28 + 21 = 60).
    expect(defaultDeadline('major', '2026-01-20')).toBe('2026-03-21');
  });

  it('counts across a year end', () => {
    expect(defaultDeadline('general', '2026-12-25')).toBe('2027-01-09');
  });

  it('takes another policy when given one', () => {
    expect(defaultDeadline('major', '2026-01-20', { general: 7, major: 90 })).toBe('2026-04-20');
  });

  it('is always a deadline the form accepts on the day the hazard is found', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('general' as const, 'major' as const),
        fc.integer({ min: 0, max: 40_000 }),
        (grade, n) => {
          const found = addDays('2000-01-01', n);
          expect(validateDeadline(defaultDeadline(grade, found), found)).toBeNull();
        },
      ),
    );
  });
});

describe('validateDeadline', () => {
  it('accepts today and later', () => {
    expect(validateDeadline(today, today)).toBeNull();
    expect(validateDeadline('2026-03-11', today)).toBeNull();
  });

  it('refuses a past date, saying what today is', () => {
    expect(validateDeadline('2026-03-09', today)).toEqual({ code: 'deadline.past', today });
  });

  it('refuses what is not a date', () => {
    expect(validateDeadline('2026-02-30', today)).toEqual({ code: 'deadline.invalid' });
    expect(validateDeadline('', today)).toEqual({ code: 'deadline.invalid' });
  });
});

describe('daysRemaining', () => {
  it('is zero on the day, negative once passed', () => {
    expect(daysRemaining(today, today)).toBe(0);
    expect(daysRemaining('2026-03-25', today)).toBe(15);
    expect(daysRemaining('2026-02-28', today)).toBe(-10);
  });
});

describe('isOverdue and effectiveStatus', () => {
  const cases: [FindingStatus, string, boolean, string][] = [
    ['open', '2026-03-09', true, 'overdue'],
    ['open', today, false, 'open'],
    ['open', '2026-03-11', false, 'open'],
    ['rectified', '2026-03-01', false, 'rectified'],
    ['closed', '2026-03-01', false, 'closed'],
  ];
  it.each(cases)(
    '%s with deadline %s: overdue %s, shown as %s',
    (status, deadline, overdue, shown) => {
      expect(isOverdue({ status, deadline }, today)).toBe(overdue);
      expect(effectiveStatus({ status, deadline }, today)).toBe(shown);
    },
  );
});

describe('isListedForSupervision', () => {
  it('flags major hazards until they are closed', () => {
    expect(isListedForSupervision({ grade: 'major', status: 'open' })).toBe(true);
    expect(isListedForSupervision({ grade: 'major', status: 'rectified' })).toBe(true);
    expect(isListedForSupervision({ grade: 'major', status: 'closed' })).toBe(false);
    expect(isListedForSupervision({ grade: 'general', status: 'open' })).toBe(false);
  });
});

describe('compareForDeadlineBoard', () => {
  it('puts the longest overdue first, then open, rectified and closed by deadline', () => {
    const rows = [
      { id: 'a', status: 'closed' as const, deadline: '2026-01-01' },
      { id: 'b', status: 'open' as const, deadline: '2026-03-20' },
      { id: 'c', status: 'open' as const, deadline: '2026-03-05' },
      { id: 'd', status: 'rectified' as const, deadline: '2026-02-01' },
      { id: 'e', status: 'open' as const, deadline: '2026-02-01' },
      { id: 'f', status: 'open' as const, deadline: '2026-03-12' },
      { id: 'g', status: 'open' as const, deadline: '2026-03-12' },
    ];
    const sorted = [...rows].reverse().sort((x, y) => compareForDeadlineBoard(x, y, today));
    expect(sorted.map((r) => r.id)).toEqual(['e', 'c', 'f', 'g', 'b', 'd', 'a']);
  });
});
