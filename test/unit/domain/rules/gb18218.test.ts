import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { alphaFor, assessMajorHazardSource, levelForR } from '../../../../domain/rules/gb18218';
import type { ChemicalHolding } from '../../../../domain/schemas/enterprise';

const held = (name: string, cas: string, maxQuantityT: number): ChemicalHolding => ({
  name,
  cas,
  maxQuantityT,
});

describe('assessMajorHazardSource: worked examples', () => {
  it('20 t chlorine with 100 people nearby is a level 3 major hazard source', () => {
    // q/Q = 20 / 5 = 4, so S = 4 ≥ 1: a major hazard source.
    // β(chlorine) = 4 from the toxic-gas table: β q/Q = 16.
    // 100 people within 500 m → α = 2.0; R = 2.0 × 16 = 32; 10 ≤ 32 < 50 → level 3.
    const a = assessMajorHazardSource([held('液氯', '7782-50-5', 20)], 100, defaultGb18218Table);
    expect(a.terms).toHaveLength(1);
    expect(a.terms[0]).toMatchObject({
      name: '液氯',
      cas: '7782-50-5',
      q: 20,
      Q: 5,
      Qsource: 'table',
      qOverQ: 4,
      beta: 4,
      betaSource: 'toxicGasTable',
      betaQOverQ: 16,
    });
    expect(a.S).toBe(4);
    expect(a.alpha).toBe(2);
    expect(a.alphaBand).toEqual({ minPeople: 100, maxPeople: null });
    expect(a.R).toBe(32);
    expect(a.isMajor).toBe(true);
    expect(a.level).toBe(3);
    expect(a.unknownChemicals).toEqual([]);
  });

  it('3 t phosgene with nobody nearby reaches level 1 exactly at R = 100', () => {
    // q/Q = 3 / 0.3 = 10; β = 20 → β q/Q = 200; 0 people → α = 0.5; R = 100 → level 1.
    const a = assessMajorHazardSource([held('光气', '75-44-5', 3)], 0, defaultGb18218Table);
    expect(a.S).toBe(10);
    expect(a.alpha).toBe(0.5);
    expect(a.R).toBe(100);
    expect(a.level).toBe(1);
  });

  it('50 t chlorine with 60 people nearby is level 2', () => {
    // q/Q = 50 / 5 = 10; β q/Q = 40; 50–99 people → α = 1.5; R = 60 → level 2.
    const a = assessMajorHazardSource([held('液氯', '7782-50-5', 50)], 60, defaultGb18218Table);
    expect(a.R).toBe(60);
    expect(a.level).toBe(2);
  });

  it('ammonia and hydrogen summing to S = 1 make a level 4 source', () => {
    // Ammonia 8 / 10 = 0.8 (β 2 → 1.6); hydrogen 1 / 5 = 0.2 (flammable gas β 1.5 → 0.3).
    // S = 1.0 → major. Σ β q/Q = 1.9; 40 people → α = 1.2; R = 2.28 → level 4.
    const a = assessMajorHazardSource(
      [held('液氨', '7664-41-7', 8), held('氢气', '1333-74-0', 1)],
      40,
      defaultGb18218Table,
    );
    expect(a.S).toBeCloseTo(1, 12);
    expect(a.isMajor).toBe(true);
    expect(a.terms.map((t) => [t.beta, t.betaSource])).toEqual([
      [2, 'toxicGasTable'],
      [1.5, 'hazardClass:W2'],
    ]);
    expect(a.betaSum).toBeCloseTo(1.9, 12);
    expect(a.alpha).toBe(1.2);
    expect(a.R).toBeCloseTo(2.28, 12);
    expect(a.level).toBe(4);
  });

  it('solvents well below their critical quantities are not a major hazard source', () => {
    // Toluene 200 / 500 = 0.4; methanol 20 / 500 = 0.04; S = 0.44 < 1. β = 1 (other).
    // 10 people → α = 1.0; R = 0.44 is still reported, but there is no level.
    const a = assessMajorHazardSource(
      [held('甲苯', '108-88-3', 200), held('甲醇', '67-56-1', 20)],
      10,
      defaultGb18218Table,
    );
    expect(a.S).toBeCloseTo(0.44, 12);
    // Both are flammable liquids of category 2: Table 4 W5.3, β = 1.
    expect(a.terms.every((t) => t.betaSource === 'hazardClass:W5.3')).toBe(true);
    expect(a.R).toBeCloseTo(0.44, 12);
    expect(a.isMajor).toBe(false);
    expect(a.level).toBeNull();
  });

  it('counts an S that is 1 by hand but 0.9999999999999999 in floating point as major', () => {
    // Hydrogen 3.5 / 5 = 0.7; chlorine 1 / 5 = 0.2; ammonia 1 / 10 = 0.1; S = 1.0.
    const a = assessMajorHazardSource(
      [held('氢', '1333-74-0', 3.5), held('氯', '7782-50-5', 1), held('氨', '7664-41-7', 1)],
      5,
      defaultGb18218Table,
    );
    expect(a.S).toBeLessThan(1);
    expect(a.isMajor).toBe(true);
  });

  it('sums holdings of the same CAS into one term', () => {
    // Two chlorine stores, 3 t and 2 t: q = 5, q/Q = 1 → major on its own.
    const a = assessMajorHazardSource(
      [held('液氯（1号库）', '7782-50-5', 3), held('液氯（2号库）', '7782-50-5', 2)],
      0,
      defaultGb18218Table,
    );
    expect(a.terms).toHaveLength(1);
    expect(a.terms[0]).toMatchObject({ name: '液氯（1号库）', q: 5, holdingCount: 2, qOverQ: 1 });
    expect(a.isMajor).toBe(true);
  });

  it('lists chemicals missing from the table instead of dropping them', () => {
    const a = assessMajorHazardSource(
      [
        held('N,N-二甲基甲酰胺', '68-12-2', 100),
        held('甲苯', '108-88-3', 100),
        held('DMF 储罐二', '68-12-2', 30),
      ],
      10,
      defaultGb18218Table,
    );
    expect(a.unknownChemicals).toEqual([
      { name: 'N,N-二甲基甲酰胺', cas: '68-12-2', q: 130, holdingCount: 2 },
    ]);
    expect(a.terms.map((t) => t.cas)).toEqual(['108-88-3']);
    expect(a.S).toBeCloseTo(0.2, 12);
  });

  it('takes the stricter ammonium nitrate row and says so, unless a variant is named', () => {
    // Two rows share CAS 6484-52-2: Q = 5 (over 0.2 % combustibles) and Q = 50.
    // 10 t with the strict row: q/Q = 2; with the lenient row: 0.2.
    const strict = assessMajorHazardSource(
      [held('硝酸铵', '6484-52-2', 10)],
      10,
      defaultGb18218Table,
    );
    expect(strict.terms[0]).toMatchObject({
      Q: 5,
      qOverQ: 2,
      Qsource: 'table:strictestVariant',
      variant: 'combustibles-over-0.2pct',
    });
    expect(strict.terms[0]?.alternatives).toEqual([
      expect.objectContaining({ variant: 'combustibles-0.2pct-or-less', Q: 50 }),
      expect.objectContaining({ variant: 'fertilizer', Q: 200 }),
    ]);
    expect(strict.isMajor).toBe(true);

    const named = assessMajorHazardSource(
      [held('硝酸铵', '6484-52-2', 10)],
      10,
      defaultGb18218Table,
      {
        variants: { '6484-52-2': 'combustibles-0.2pct-or-less' },
      },
    );
    expect(named.terms[0]).toMatchObject({ Q: 50, Qsource: 'table:chosenVariant' });
    expect(named.terms[0]?.qOverQ).toBeCloseTo(0.2, 12);
    expect(named.isMajor).toBe(false);
  });

  it('takes β from the row an administrator added: Table 4 by class, or the unclassified β', () => {
    const change = {
      by: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      at: '2026-03-01T09:00:00.000+08:00',
      reason: '补录',
    };
    const source = { kind: 'administrator' as const, reference: '省厅通知' };
    const table: Gb18218Table = {
      ...defaultGb18218Table,
      table1: [
        ...defaultGb18218Table.table1,
        {
          id: 'adm-a',
          nameZh: '甲',
          nameEn: 'a',
          cas: '100-00-5',
          Q: 10,
          beta: {
            rule: 'table4',
            code: 'J1',
            basisZh: '急性毒性类别1气体',
            basisEn: 'acute 1 gas',
          },
          source,
          change,
        },
        {
          id: 'adm-b',
          nameZh: '乙',
          nameEn: 'b',
          cas: '100-01-6',
          Q: 10,
          beta: { rule: 'unclassified', basisZh: '无', basisEn: 'none' },
          source,
          change,
        },
      ],
    };
    const a = assessMajorHazardSource(
      [held('a', '100-00-5', 10), held('b', '100-01-6', 10)],
      1,
      table,
    );
    expect(a.terms.map((t) => [t.beta, t.betaSource])).toEqual([
      [4, 'hazardClass:J1'],
      [1, 'default'],
    ]);
    // S = 1 + 1 = 2; Σβq/Q = 4 + 1 = 5; 1 person → α = 1.0 → R = 5 → level 4.
    expect(a.R).toBe(5);
    expect(a.level).toBe(4);
  });

  it('rejects negative quantities and head counts', () => {
    expect(() =>
      assessMajorHazardSource([held('氯', '7782-50-5', -1)], 0, defaultGb18218Table),
    ).toThrow(RangeError);
    expect(() => assessMajorHazardSource([], -1, defaultGb18218Table)).toThrow(RangeError);
  });

  it('treats an empty inventory as no hazard source', () => {
    const a = assessMajorHazardSource([], 300, defaultGb18218Table);
    expect(a).toMatchObject({ S: 0, R: 0, isMajor: false, level: null, terms: [] });
  });
});

describe('alphaFor and levelForR', () => {
  it.each([
    [0, 0.5],
    [1, 1],
    [29, 1],
    [30, 1.2],
    [49, 1.2],
    [50, 1.5],
    [99, 1.5],
    [100, 2],
    [5000, 2],
  ])('%i people → α %f', (people, alpha) => {
    expect(alphaFor(people, defaultGb18218Table).alpha).toBe(alpha);
  });

  it.each([
    [0, 4],
    [9.99, 4],
    [10, 3],
    [49.99, 3],
    [50, 2],
    [99.99, 2],
    [100, 1],
    [1e6, 1],
  ])('R %f → level %i', (R, level) => {
    expect(levelForR(R, defaultGb18218Table)).toBe(level);
  });
});

const tableCas = [
  ...new Set(defaultGb18218Table.table1.flatMap((c) => (c.cas === null ? [] : [c.cas]))),
];
const holdingArb = fc.record({
  name: fc.constant('x'),
  cas: fc.oneof(fc.constantFrom(...tableCas), fc.constant('68-12-2')),
  maxQuantityT: fc.double({ min: 0, max: 1e4, noNaN: true }),
});
const peopleArb = fc.integer({ min: 0, max: 10_000 });

describe('assessMajorHazardSource: properties', () => {
  it('S and R never fall when one quantity grows', () => {
    fc.assert(
      fc.property(
        fc.array(holdingArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        peopleArb,
        (holdings, pick, extra, people) => {
          const i = pick % holdings.length;
          const grown = holdings.map((h, j) =>
            j === i ? { ...h, maxQuantityT: h.maxQuantityT + extra } : h,
          );
          const before = assessMajorHazardSource(holdings, people, defaultGb18218Table);
          const after = assessMajorHazardSource(grown, people, defaultGb18218Table);
          expect(after.S).toBeGreaterThanOrEqual(before.S);
          expect(after.R).toBeGreaterThanOrEqual(before.R);
          if (before.isMajor) expect(after.isMajor).toBe(true);
        },
      ),
    );
  });

  it('R never falls and S is unchanged when more people live nearby', () => {
    fc.assert(
      fc.property(
        fc.array(holdingArb, { maxLength: 8 }),
        peopleArb,
        fc.nat({ max: 10_000 }),
        (holdings, people, more) => {
          const before = assessMajorHazardSource(holdings, people, defaultGb18218Table);
          const after = assessMajorHazardSource(holdings, people + more, defaultGb18218Table);
          expect(after.S).toBe(before.S);
          expect(after.alpha).toBeGreaterThanOrEqual(before.alpha);
          expect(after.R).toBeGreaterThanOrEqual(before.R);
        },
      ),
    );
  });

  it('the level never gets less severe as R grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          // Level 1 is the most severe: a larger R has a smaller or equal level number.
          expect(levelForR(high, defaultGb18218Table)).toBeLessThanOrEqual(
            levelForR(low, defaultGb18218Table),
          );
        },
      ),
    );
  });

  it('a major source has the level of its R and S equals the sum of its terms', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { maxLength: 8 }), peopleArb, (holdings, people) => {
        const a = assessMajorHazardSource(holdings, people, defaultGb18218Table);
        expect(a.level).toBe(a.isMajor ? levelForR(a.R, defaultGb18218Table) : null);
        const known = a.terms.reduce((n, t) => n + t.holdingCount, 0);
        const unknown = a.unknownChemicals.reduce((n, u) => n + u.holdingCount, 0);
        expect(known + unknown).toBe(holdings.length);
        expect(a.R).toBeCloseTo(a.alpha * a.terms.reduce((s, t) => s + t.betaQOverQ, 0), 6);
      }),
    );
  });
});
