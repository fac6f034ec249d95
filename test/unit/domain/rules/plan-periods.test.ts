import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  periodCount,
  planPeriod,
  planPeriods,
  shareOf,
} from '../../../../domain/rules/plan-periods';

describe('planPeriods', () => {
  it('splits a year into quarters, halves, months or the whole year, both ends included', () => {
    expect(planPeriods(2026, 'quarter').map((p) => [p.key, p.from, p.to, p.months.length])).toEqual(
      [
        ['Q1', '2026-01-01', '2026-03-31', 3],
        ['Q2', '2026-04-01', '2026-06-30', 3],
        ['Q3', '2026-07-01', '2026-09-30', 3],
        ['Q4', '2026-10-01', '2026-12-31', 3],
      ],
    );
    expect(planPeriods(2026, 'half').map((p) => [p.key, p.from, p.to])).toEqual([
      ['H1', '2026-01-01', '2026-06-30'],
      ['H2', '2026-07-01', '2026-12-31'],
    ]);
    expect(planPeriods(2026, 'year')).toEqual([
      {
        key: 'Y',
        from: '2026-01-01',
        to: '2026-12-31',
        months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      },
    ]);
  });

  it('ends February on the 29th in a leap year', () => {
    expect(planPeriod(2028, 'month', 'M02')).toEqual({
      key: 'M02',
      from: '2028-02-01',
      to: '2028-02-29',
      months: ['2028-02'],
    });
    expect(planPeriod(2026, 'month', 'M02')?.to).toBe('2026-02-28');
  });

  it('has no period of another kind', () => {
    expect(planPeriod(2026, 'quarter', 'M01')).toBeUndefined();
  });
});

describe('shareOf', () => {
  it('rounds half up', () => {
    expect(shareOf(2_500, 2)).toBe(1); // 0.5
    expect(shareOf(2_500, 1)).toBe(0); // 0.25
    expect(shareOf(7_500, 1)).toBe(1); // 0.75
    expect(shareOf(2_500, 10)).toBe(3); // 2.5
    expect(shareOf(3_333, 3)).toBe(1); // 0.9999
    expect(shareOf(10_000, 37)).toBe(37);
    expect(shareOf(0, 37)).toBe(0);
  });

  it('is within half an enterprise of the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.nat(100_000), (bp, n) => {
        const exact = (bp * n) / 10_000;
        expect(Math.abs(shareOf(bp, n) - exact)).toBeLessThanOrEqual(0.5);
        if ((bp * n) % 10_000 === 5_000) expect(shareOf(bp, n)).toBe(exact + 0.5);
      }),
    );
  });

  it('refuses negative or fractional arguments', () => {
    expect(() => shareOf(-1, 3)).toThrow(RangeError);
    expect(() => shareOf(12.5, 3)).toThrow(RangeError);
    expect(() => shareOf(100, -3)).toThrow(RangeError);
  });
});

describe('periodCount', () => {
  it('draws all ten of ten over four quarters of 25 %: 3, 2, 3, 2', () => {
    const counts = [0, 1, 2, 3].map((q) => periodCount(10, 2_500, q * 2_500));
    expect(counts).toEqual([3, 2, 3, 2]);
  });

  it('is within one enterprise of share × N in each period, and adds up to the year’s share exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_500 }), { minLength: 1, maxLength: 12 }),
        fc.nat(5_000),
        (shares, n) => {
          let before = 0;
          let total = 0;
          for (const share of shares) {
            const count = periodCount(n, share, before);
            expect(Math.abs(count - (share * n) / 10_000)).toBeLessThan(1);
            expect(count).toBeGreaterThanOrEqual(0);
            total += count;
            before += share;
          }
          expect(total).toBe(shareOf(before, n));
        },
      ),
    );
  });
});
