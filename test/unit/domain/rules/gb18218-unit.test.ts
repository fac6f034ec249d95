import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { assessMajorHazardSource, levelForR } from '../../../../domain/rules/gb18218';
import { gradeEnterprise, gradeUnit } from '../../../../domain/rules/gb18218-unit';
import type { GhsClassification } from '../../../../domain/data/ghs-hazard-classes';
import type { HazardUnit, UnitHolding } from '../../../../domain/schemas/hazard-unit';
import { byCas, classified, ghs, summary, unitOf } from './gb18218-fixtures';

describe('gradeUnit: the working names every term and where it came from', () => {
  it('20 t chlorine with 100 people nearby: level 3, with each row cited', () => {
    // Chlorine is Table 1 row 12: Q = 5. q/Q = 20 / 5 = 4 → S = 4 ≥ 1.
    // β = 4 from Table 3 (chlorine, entry 7): βq/Q = 16.
    // 100 people → α = 2.0 (Table 5, first band): R = 32; 10 ≤ 32 < 50 → level 3 (Table 6).
    const g = gradeUnit(
      unitOf([byCas('液氯', '7782-50-5', 20)]),
      { peopleWithin500m: 100 },
      defaultGb18218Table,
    );
    expect(summary(g)).toEqual({ S: 4, betaSum: 16, alpha: 2, R: 32, isMajor: true, level: 3 });
    const [term] = g.terms;
    expect(term).toMatchObject({
      name: '液氯',
      cas: '7782-50-5',
      holdings: [{ index: 0, name: '液氯', q: 20, mixture: null }],
      q: 20,
      Q: 5,
      qOverQ: 4,
      reachesQAlone: true,
      beta: 4,
      betaQOverQ: 16,
    });
    expect(term?.qBasis).toMatchObject({
      kind: 'table1',
      row: {
        id: 't1-12',
        nameZh: '氯',
        source: { kind: 'standard', document: 'GB 18218-2018', table: 1, row: 12 },
        changed: false,
      },
      variantChoice: 'only',
      alternatives: [],
    });
    expect(term?.betaBasis).toMatchObject({
      kind: 'table3',
      id: 't3-cl2',
      cas: '7782-50-5',
      source: { table: 3, row: 7 },
    });
    expect(g.alpha).toMatchObject({
      id: 'a-1',
      minPeople: 100,
      maxPeople: null,
      source: { table: 5 },
    });
    expect(g.levelRow).toMatchObject({ id: 'lv-3', minR: 10, source: { table: 6, row: 3 } });
    expect(g.people).toEqual({ count: 100, from: 'enterprise' });
    expect(g.tableVersion).toEqual({
      id: 'gb18218-2018.builtin.1',
      label: 'GB 18218-2018 / built-in v1',
      revision: 1,
      basedOn: null,
    });
    expect(g.unit).toEqual({ kind: 'storageTankFarm', name: '一号罐区', position: null });
  });

  it('a Table 1 substance that is not a toxic gas takes β from the Table 4 class its row names', () => {
    // Propylene oxide, Table 1 row 63: Q = 10; a flammable liquid of category 1 → W5.1, β 1.5.
    // q/Q = 40 / 10 = 4; βq/Q = 6; 10 people → α 1.0: R = 6 → level 4.
    const g = gradeUnit(
      unitOf([byCas('环氧丙烷', '75-56-9', 40)]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(g.terms[0]?.betaBasis).toMatchObject({
      kind: 'table4',
      code: 'W5.1',
      via: 'table1',
      basisEn: 'flammable liquid, category 1',
      source: { table: 4, code: 'W5.1' },
    });
    expect(summary(g)).toEqual({ S: 4, betaSum: 6, alpha: 1, R: 6, isMajor: true, level: 4 });
  });

  it('flags a value not yet checked against the printed standard in the working', () => {
    const g = gradeUnit(
      unitOf([byCas('汽油', '86290-81-5', 10)]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(g.terms[0]?.qBasis.row.flags.map((f) => f.field)).toEqual(['beta.code']);
  });

  it('a Table 1 substance with no Table 4 class takes the table’s unclassified β and says so', () => {
    // Sulfur trioxide, row 26: Q = 75; β 1 (unclassified). 150 / 75 = 2; α 1.0 → R = 2.
    const g = gradeUnit(
      unitOf([byCas('三氧化硫', '7446-11-9', 150)]),
      { peopleWithin500m: 1 },
      defaultGb18218Table,
    );
    expect(g.terms[0]?.betaBasis).toMatchObject({
      kind: 'unclassified',
      source: { kind: 'builtIn' },
      basisEn: 'skin corrosion and serious eye damage: no Table 4 class',
    });
    expect(summary(g)).toEqual({ S: 2, betaSum: 2, alpha: 1, R: 2, isMajor: true, level: 4 });
  });

  it('lists what it cannot count: a CAS outside Table 1 without classes, an unknown row', () => {
    const g = gradeUnit(
      unitOf([
        byCas('N,N-二甲基甲酰胺', '68-12-2', 100),
        byCas('DMF 二号罐', '68-12-2', 30),
        { name: '新版表的物质', table1RowId: 't1-999', classes: [], maxQuantityT: 5 },
      ]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(g.notCounted.map((n) => [n.name, n.q, n.holdings.length, n.reason])).toEqual([
      ['N,N-二甲基甲酰胺', 130, 2, { kind: 'noClasses' }],
      ['新版表的物质', 5, 1, { kind: 'unknownTable1Row', table1RowId: 't1-999' }],
    ]);
    expect(g.S).toBe(0);
  });

  it('matches a Table 1 row without a CAS by its id, and by the further CAS numbers it lists', () => {
    // Coal gas (row 13, Q 20) by id, carbon monoxide (630-08-0) by CAS: one substance.
    // q = 10 + 14 = 24; q/Q = 1.2; β 2 (Table 3, carbon monoxide): βq/Q = 2.4.
    // Propane (74-98-6) is liquefied petroleum gas, row 52: Q 50, W2 β 1.5: 25 / 50 = 0.5,
    // βq/Q = 0.75. S = 1.7; Σβq/Q = 3.15; nobody nearby → α 0.5: R = 1.575 → level 4.
    const g = gradeUnit(
      unitOf([
        { name: '焦炉煤气', table1RowId: 't1-13', classes: [], maxQuantityT: 10 },
        byCas('一氧化碳', '630-08-0', 14),
        byCas('丙烷', '74-98-6', 25),
      ]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    expect(g.terms.map((t) => [t.qBasis.row.id, t.q, t.beta])).toEqual([
      ['t1-13', 24, 2],
      ['t1-52', 25, 1.5],
    ]);
    expect(g.S).toBeCloseTo(1.7, 12);
    expect(g.R).toBeCloseTo(1.575, 12);
    expect(g.level).toBe(4);
  });

  it('takes the strictest row where Table 1 splits a substance, unless the holding names its variant', () => {
    // Nitrocellulose has six rows (Q 1, 1, 10, 50, 50, 50). Unnamed → the first Q 1 row:
    // 20 / 1 = 20. Named "water-25pct-or-more" → Q 50: 20 / 50 = 0.4, not major.
    const strict = gradeUnit(
      unitOf([byCas('硝化棉', '9004-70-0', 20)]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    const basis = strict.terms[0]?.qBasis;
    expect(basis).toMatchObject({
      kind: 'table1',
      variantChoice: 'strictest',
      row: { id: 't1-37' },
    });
    expect(basis?.kind === 'table1' && basis.alternatives.map((a) => a.Q)).toEqual([
      1, 10, 50, 50, 50,
    ]);
    expect(strict.S).toBe(20);

    const named = gradeUnit(
      unitOf([byCas('硝化棉（含水≥25%）', '9004-70-0', 20, { variant: 'water-25pct-or-more' })]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    expect(named.terms[0]?.qBasis).toMatchObject({ variantChoice: 'named', row: { id: 't1-41' } });
    expect(named.S).toBeCloseTo(0.4, 12);
    expect(named.isMajor).toBe(false);
  });

  it('Table 1 wins over Table 2 for a substance it names, whatever classes the holding lists', () => {
    // Benzene is row 57 (Q 50); as a bare category-2 flammable liquid it would be W5.3 (Q 1000).
    const g = gradeUnit(
      unitOf([byCas('苯', '71-43-2', 60, { classes: [ghs('flammableLiquid', '2')] })]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(g.terms[0]).toMatchObject({ Q: 50, qBasis: { kind: 'table1' } });
    expect(g.S).toBeCloseTo(1.2, 12);
  });

  it('rejects negative quantities and head counts', () => {
    const bad = { ...unitOf([]), holdings: [byCas('氯', '7782-50-5', -1)] };
    expect(() => gradeUnit(bad, { peopleWithin500m: 0 }, defaultGb18218Table)).toThrow(RangeError);
    expect(() => gradeUnit(unitOf([]), { peopleWithin500m: -1 }, defaultGb18218Table)).toThrow(
      RangeError,
    );
  });
});

describe('gradeUnit: toxic gases take β from Table 3', () => {
  it('ammonia, chlorine and phosgene in one unit: level 2', () => {
    // Ammonia 50 / 10 = 5, β 2 → 10. Chlorine 10 / 5 = 2, β 4 → 8.
    // Phosgene 0.6 / 0.3 = 2, β 20 → 40. S = 9; Σβq/Q = 58.
    // 60 people → α = 1.5: R = 87; 50 ≤ 87 < 100 → level 2.
    const g = gradeUnit(
      unitOf([
        byCas('液氨', '7664-41-7', 50),
        byCas('液氯', '7782-50-5', 10),
        byCas('光气', '75-44-5', 0.6),
      ]),
      { peopleWithin500m: 60 },
      defaultGb18218Table,
    );
    expect(g.terms.map((t) => [t.betaBasis.kind, t.beta])).toEqual([
      ['table3', 2],
      ['table3', 4],
      ['table3', 20],
    ]);
    expect(g.S).toBeCloseTo(9, 12);
    expect(g.betaSum).toBeCloseTo(58, 12);
    expect(g.R).toBeCloseTo(87, 12);
    expect(g.level).toBe(2);
  });

  it('hydrogen sulfide at exactly its Q is a source on its own; β 5 and 120 people make R = 10', () => {
    // q = Q = 5 → q/Q = 1: identified by the single substance. β 5 → 5; α 2.0: R = 10 → level 3.
    const g = gradeUnit(
      unitOf([byCas('硫化氢', '7783-06-4', 5)]),
      { peopleWithin500m: 120 },
      defaultGb18218Table,
    );
    expect(g.identifiedBy).toBe('singleSubstance');
    expect(summary(g)).toEqual({ S: 1, betaSum: 5, alpha: 2, R: 10, isMajor: true, level: 3 });
  });

  it('a Table 3 gas an administrator added, held outside Table 1, keeps its Table 3 β', () => {
    // Held as acute toxicity 2 gas → J3 (Q 50, class β 2); its CAS is a Table 3 gas (β 10,
    // made up for the test), which wins. 100 / 50 = 2, βq/Q = 20; α 1.0: R = 20 → level 3.
    const table: Gb18218Table = {
      ...defaultGb18218Table,
      table3: [
        ...defaultGb18218Table.table3,
        {
          id: 'adm-gas',
          nameZh: '某毒气',
          nameEn: 'a toxic gas',
          cas: '100-00-5',
          beta: 10,
          source: { kind: 'administrator', reference: '测试' },
          change: {
            by: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
            at: '2026-03-01T09:00:00Z',
            reason: '测试',
          },
        },
      ],
    };
    const g = gradeUnit(
      unitOf([
        classified('某毒气', 100, [ghs('acuteToxicity', '2', 'inhalation')], {
          cas: '100-00-5',
          physicalState: 'gas',
        }),
      ]),
      { peopleWithin500m: 10 },
      table,
    );
    expect(g.terms[0]).toMatchObject({
      Q: 50,
      beta: 10,
      betaBasis: { kind: 'table3', id: 'adm-gas' },
    });
    expect(g.R).toBe(20);
    expect(g.level).toBe(3);
  });
});

describe('gradeUnit: identification is per unit', () => {
  it('6 t chlorine in one warehouse is a source; 3 t in each of two warehouses is none', () => {
    // One unit: 6 / 5 = 1.2 → major. Two units: 3 / 5 = 0.6 each → neither.
    const one = gradeEnterprise(
      {
        peopleWithin500m: 10,
        units: [unitOf([byCas('液氯', '7782-50-5', 6)], { kind: 'warehouse' })],
      },
      defaultGb18218Table,
    );
    expect(one.level).toBe(4);
    const two = gradeEnterprise(
      {
        peopleWithin500m: 10,
        units: [
          unitOf([byCas('液氯', '7782-50-5', 3)], { kind: 'warehouse', name: '一号库' }),
          unitOf([byCas('液氯', '7782-50-5', 3)], { kind: 'warehouse', name: '二号库' }),
        ],
      },
      defaultGb18218Table,
    );
    expect(two.units.map((u) => u.S)).toEqual([0.6, 0.6]);
    expect(two.isMajor).toBe(false);
    expect(two.level).toBeNull();
    expect(two.mostSevereUnits).toEqual([]);
  });

  it('ammonia and hydrogen summing to S = 1 identify the unit by the sum', () => {
    // Ammonia 8 / 10 = 0.8 (β 2 → 1.6); hydrogen 1 / 5 = 0.2 (W2 β 1.5 → 0.3). S = 1.0.
    // Σβq/Q = 1.9; 40 people → α 1.2: R = 2.28 → level 4.
    const g = gradeUnit(
      unitOf([byCas('液氨', '7664-41-7', 8), byCas('氢气', '1333-74-0', 1)]),
      {
        peopleWithin500m: 40,
      },
      defaultGb18218Table,
    );
    expect(g.identifiedBy).toBe('sum');
    expect(g.R).toBeCloseTo(2.28, 12);
    expect(g.level).toBe(4);
  });

  it('a unit’s own head count overrides the enterprise’s', () => {
    // Same 20 t chlorine (Σβq/Q = 16): the enterprise counts 10 people (α 1.0 → R 16, level 3),
    // the unit by the boundary counts 120 (α 2.0 → R 32, level 3) and 0 (α 0.5 → R 8, level 4).
    const e = gradeEnterprise(
      {
        peopleWithin500m: 10,
        units: [
          unitOf([byCas('液氯', '7782-50-5', 20)], { name: '甲' }),
          unitOf([byCas('液氯', '7782-50-5', 20)], { name: '乙', peopleWithin500m: 120 }),
          unitOf([byCas('液氯', '7782-50-5', 20)], { name: '丙', peopleWithin500m: 0 }),
        ],
      },
      defaultGb18218Table,
    );
    expect(e.units.map((u) => [u.people, u.alpha.value, u.R, u.level])).toEqual([
      [{ count: 10, from: 'enterprise' }, 1, 16, 3],
      [{ count: 120, from: 'unit' }, 2, 32, 3],
      [{ count: 0, from: 'unit' }, 0.5, 8, 4],
    ]);
  });
});

describe('gradeEnterprise: the enterprise takes its most severe unit', () => {
  it('a tank farm at level 2, a warehouse at level 4 and a plant that is none → level 2', () => {
    // Tank farm: chlorine 50 / 5 = 10, β 4 → 40; 60 people → α 1.5: R = 60 → level 2.
    // Warehouse: an unnamed category-2 flammable liquid, 2000 / 1000 = 2, β 1; R = 1.5 × 2 = 3
    //   → level 4.
    // Production unit: toluene 100 / 500 = 0.2 → not a major hazard source.
    const e = gradeEnterprise(
      {
        peopleWithin500m: 60,
        units: [
          unitOf([byCas('液氯', '7782-50-5', 50)], { name: '液氯罐区' }),
          unitOf([classified('溶剂', 2000, [ghs('flammableLiquid', '2')])], {
            kind: 'warehouse',
            name: '甲类仓库',
          }),
          unitOf([byCas('甲苯', '108-88-3', 100)], { kind: 'productionUnit', name: '合成装置' }),
        ],
      },
      defaultGb18218Table,
    );
    expect(e.units.map((u) => [u.unit.name, u.R, u.level])).toEqual([
      ['液氯罐区', 60, 2],
      ['甲类仓库', 3, 4],
      ['合成装置', 0.2 * 1.5, null],
    ]);
    expect(e.level).toBe(2);
    expect(e.isMajor).toBe(true);
    expect(e.mostSevereUnits).toEqual([0]);
    // Every unit keeps its working, the one that is no source included.
    expect(e.units[2]?.terms.map((t) => t.name)).toEqual(['甲苯']);
    expect(e.tableVersion.label).toBe('GB 18218-2018 / built-in v1');
  });

  it('names every unit that shares the most severe level', () => {
    const e = gradeEnterprise(
      {
        peopleWithin500m: 100,
        units: [
          unitOf([byCas('液氯', '7782-50-5', 20)], { name: '甲' }),
          unitOf([byCas('液氨', '7664-41-7', 10)], { name: '乙' }),
          unitOf([byCas('液氯', '7782-50-5', 30)], { name: '丙' }),
        ],
      },
      defaultGb18218Table,
    );
    // 甲: R = 2 × 16 = 32 (3); 乙: R = 2 × 2 = 4 (4); 丙: R = 2 × 24 = 48 (3).
    expect(e.units.map((u) => u.level)).toEqual([3, 4, 3]);
    expect(e.level).toBe(3);
    expect(e.mostSevereUnits).toEqual([0, 2]);
  });

  it('an enterprise with no units is no major hazard source', () => {
    expect(gradeEnterprise({ peopleWithin500m: 5, units: [] }, defaultGb18218Table)).toMatchObject({
      units: [],
      isMajor: false,
      level: null,
      mostSevereUnits: [],
    });
  });
});

describe('the old one-enterprise API is gradeUnit over its chemicals', () => {
  it('gives the same S, R and level as one unit of the same holdings', () => {
    const cas = ['7782-50-5', '7664-41-7', '67-56-1', '6484-52-2', '68-12-2', '75-56-9'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cas: fc.constantFrom(...cas),
            maxQuantityT: fc.double({ min: 0, max: 1e4, noNaN: true }),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 10_000 }),
        (rows, people) => {
          const chemicals = rows.map((r) => ({ name: 'x', ...r }));
          const old = assessMajorHazardSource(chemicals, people, defaultGb18218Table);
          const holdings: UnitHolding[] = chemicals.map((c) => ({ ...c, classes: [] }));
          const unit = gradeUnit(
            { kind: 'other', name: 'u', holdings },
            { peopleWithin500m: people },
            defaultGb18218Table,
          );
          expect([old.S, old.R, old.level]).toEqual([unit.S, unit.R, unit.level]);
          expect(old.tableVersion).toBe(unit.tableVersion.label);
        },
      ),
    );
  });
});

describe('gradeEnterprise: properties', () => {
  const holdingArb: fc.Arbitrary<UnitHolding> = fc.oneof(
    fc.record({
      name: fc.constant('x'),
      cas: fc.constantFrom('7782-50-5', '7664-41-7', '67-56-1', '75-44-5', '68-12-2'),
      classes: fc.constant<GhsClassification[]>([]),
      maxQuantityT: fc.double({ min: 0, max: 1e3, noNaN: true }),
    }),
    fc.record({
      name: fc.constant('y'),
      classes: fc.constantFrom<GhsClassification[][]>(
        [ghs('flammableLiquid', '2')],
        [ghs('explosive', '1.1')],
        [ghs('organicPeroxide', 'B'), ghs('flammableLiquid', '3')],
        [ghs('aquaticAcute', '1')],
      ),
      maxQuantityT: fc.double({ min: 0, max: 1e3, noNaN: true }),
    }),
  );
  const unitArb: fc.Arbitrary<HazardUnit> = fc.record({
    kind: fc.constantFrom('productionUnit' as const, 'warehouse' as const),
    name: fc.constant('u'),
    holdings: fc.array(holdingArb, { maxLength: 6 }),
  });

  it('the enterprise level is the smallest unit level, each unit level that of its R', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { maxLength: 5 }), fc.nat({ max: 1000 }), (units, people) => {
        const e = gradeEnterprise({ peopleWithin500m: people, units }, defaultGb18218Table);
        const levels = e.units.flatMap((u) => (u.level === null ? [] : [u.level]));
        expect(e.level).toBe(levels.length === 0 ? null : Math.min(...levels));
        for (const u of e.units) {
          expect(u.level).toBe(u.isMajor ? levelForR(u.R, defaultGb18218Table) : null);
          expect(u.R).toBeCloseTo(u.alpha.value * u.terms.reduce((s, t) => s + t.betaQOverQ, 0), 6);
          const counted = u.terms.reduce((n, t) => n + t.holdings.length, 0);
          const skipped = u.notCounted.reduce((n, t) => n + t.holdings.length, 0);
          expect(counted + skipped).toBe(units[e.units.indexOf(u)]?.holdings.length);
        }
      }),
    );
  });

  it('S and R of a unit never fall when a quantity grows', () => {
    fc.assert(
      fc.property(
        unitArb.filter((u) => u.holdings.length > 0),
        fc.nat(),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.nat({ max: 1000 }),
        (unit, pick, extra, people) => {
          const i = pick % unit.holdings.length;
          const grown = {
            ...unit,
            holdings: unit.holdings.map((h, j) =>
              j === i ? { ...h, maxQuantityT: h.maxQuantityT + extra } : h,
            ),
          };
          const before = gradeUnit(unit, { peopleWithin500m: people }, defaultGb18218Table);
          const after = gradeUnit(grown, { peopleWithin500m: people }, defaultGb18218Table);
          expect(after.S).toBeGreaterThanOrEqual(before.S);
          expect(after.R).toBeGreaterThanOrEqual(before.R);
          if (before.isMajor) expect(after.isMajor).toBe(true);
        },
      ),
    );
  });
});
