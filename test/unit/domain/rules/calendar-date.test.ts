import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  chinaDateOf,
  daysBetween,
  isCalendarDate,
  monthOf,
  monthsBetween,
  monthsEndingAt,
  todayInChina,
} from '../../../../domain/rules/calendar-date';

describe('isCalendarDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });
  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '',
    '0000-01-01',
    '2026-01-01T00:00',
  ])('refuses %s', (d) => {
    expect(isCalendarDate(d)).toBe(false);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-20', 60)).toBe('2026-03-21');
  });

  it('counts the days of a year', () => {
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });

  it('refuses bad input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('2026-02-01', 'tomorrow')).toThrow(RangeError);
  });

  const dayNumber = fc.integer({ min: -25_000, max: 80_000 }); // about 1901–2189
  const dateOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

  it('agrees with UTC day arithmetic', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -4000, max: 4000 }), (n, k) => {
        expect(addDays(dateOf(n), k)).toBe(dateOf(n + k));
        expect(daysBetween(dateOf(n), dateOf(n + k))).toBe(k);
      }),
    );
  });

  it('undoes itself', () => {
    fc.assert(
      fc.property(dayNumber, fc.integer({ min: -4000, max: 4000 }), (n, k) => {
        expect(addDays(addDays(dateOf(n), k), -k)).toBe(dateOf(n));
      }),
    );
  });
});

describe('addMonths', () => {
  it('keeps the day, clamped to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-10', -12)).toBe('2025-05-10');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('months', () => {
  it('lists the months between two months, inclusive', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsBetween('2026-02', '2026-01')).toEqual([]);
    expect(() => monthsBetween('2026-13', '2027-01')).toThrow(RangeError);
  });

  it('lists the twelve months ending with this one', () => {
    const months = monthsEndingAt('2026-03-15', 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2025-04');
    expect(months[11]).toBe('2026-03');
    expect(monthOf('2026-03-15')).toBe('2026-03');
  });
});

describe('todayInChina', () => {
  it('turns the date at midnight China time, which is 16:00 UTC', () => {
    expect(todayInChina(new Date('2026-03-31T15:59:59.999Z'))).toBe('2026-03-31');
    expect(todayInChina(new Date('2026-03-31T16:00:00.000Z'))).toBe('2026-04-01');
    expect(todayInChina(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('refuses an invalid Date', () => {
    expect(() => todayInChina(new Date('nonsense'))).toThrow(RangeError);
  });

  it('is the UTC date eight hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const shifted = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(todayInChina(new Date(ms))).toBe(shifted);
      }),
    );
  });
});

describe('chinaDateOf', () => {
  it('reads the China date of a timestamp in any offset', () => {
    expect(chinaDateOf('2026-03-01T01:00:00+08:00')).toBe('2026-03-01');
    expect(chinaDateOf('2026-02-28T17:30:00Z')).toBe('2026-03-01');
    expect(chinaDateOf('2026-02-28T23:30:00-05:00')).toBe('2026-03-01');
    expect(chinaDateOf('2026-02-28T15:59:00Z')).toBe('2026-02-28');
  });

  it('refuses what is not a timestamp', () => {
    expect(() => chinaDateOf('yesterday')).toThrow(RangeError);
  });
});
