import { describe, expect, it } from 'vitest';
import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import type { Gb18218Table } from '../../../../domain/data/gb18218-table';
import { gradeUnit } from '../../../../domain/rules/gb18218-unit';
import type { QBasis, UnitGrading } from '../../../../domain/rules/gb18218-working';
import { classified, ghs, summary, unitOf } from './gb18218-fixtures';

type Table2Basis = Extract<QBasis, { kind: 'table2' }>;

const basisOf = (g: UnitGrading, i = 0): Table2Basis => {
  const basis = g.terms[i]?.qBasis;
  if (basis?.kind !== 'table2') throw new Error(`term ${i} is not graded by Table 2`);
  return basis;
};
const codes = (g: UnitGrading) => g.terms.map((t) => basisOf(g, g.terms.indexOf(t)).row.code);

describe('the issue: a chemical Table 1 does not name still counts', () => {
  it('2,000 t of an unnamed category-2 flammable liquid is a level 4 major hazard source', () => {
    // Not in Table 1 → Table 2. Flammable liquid category 2, no special condition → W5.3,
    // Q = 1000 t (W5.1 and W5.2 do not apply, so "not in W5.1 or W5.2" holds).
    // q/Q = 2000 / 1000 = 2 → S = 2 ≥ 1: a major hazard source (q ≥ Q on its own).
    // β = 1 (Table 4, W5.3): βq/Q = 2. 120 people → α = 2.0: R = 4 < 10 → level 4.
    // Even with α at its largest (2.0) R = 4, so it is level 4 whoever lives nearby.
    const g = gradeUnit(
      unitOf([classified('溶剂油（未列名）', 2000, [ghs('flammableLiquid', '2')])]),
      { peopleWithin500m: 120 },
      defaultGb18218Table,
    );
    expect(summary(g)).toEqual({ S: 2, betaSum: 2, alpha: 2, R: 4, isMajor: true, level: 4 });
    expect(g.identifiedBy).toBe('singleSubstance');
    const basis = basisOf(g);
    expect(basis.row).toMatchObject({
      id: 't2-w5.3',
      code: 'W5.3',
      source: { kind: 'standard', document: 'GB 18218-2018', table: 2, code: 'W5.3' },
    });
    expect(basis.matchedBy).toEqual(ghs('flammableLiquid', '2'));
    expect(g.terms[0]?.betaBasis).toMatchObject({ kind: 'table4', code: 'W5.3', via: 'table2' });
    expect(g.tableVersion.label).toBe('GB 18218-2018 / built-in v1');
  });
});

describe('Table 2 worked examples, one per class family', () => {
  it('acute toxicity: a category 1 gas is J1 (Q 5, β 4)', () => {
    // J1: q/Q = 20 / 5 = 4; β = 4 → βq/Q = 16. 60 people → α = 1.5: R = 24 → level 3.
    const g = gradeUnit(
      unitOf([
        classified('有毒气体（未列名）', 20, [ghs('acuteToxicity', '1', 'inhalation')], {
          physicalState: 'gas',
        }),
      ]),
      { peopleWithin500m: 60 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['J1']);
    expect(summary(g)).toEqual({ S: 4, betaSum: 16, alpha: 1.5, R: 24, isMajor: true, level: 3 });
  });

  it('acute toxicity: a liquid toxic by inhalation is J4 when it boils at 35 °C or below, else J5', () => {
    // Category 2 by inhalation, liquid, boiling at 30 °C → J4 (Q 50, β 2); J5 ("other than
    // J4") yields to it. q/Q = 100 / 50 = 2, βq/Q = 4; nobody nearby → α = 0.5: R = 2 → level 4.
    const low = gradeUnit(
      unitOf([
        classified('低沸点毒性液体', 100, [ghs('acuteToxicity', '2', 'inhalation')], {
          physicalState: 'liquid',
          boilingPointC: 30,
        }),
      ]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    expect(codes(low)).toEqual(['J4']);
    expect(basisOf(low).excluded).toEqual([{ code: 'J5', because: ['J4'] }]);
    expect(summary(low)).toEqual({ S: 2, betaSum: 4, alpha: 0.5, R: 2, isMajor: true, level: 4 });

    // The same liquid boiling at 80 °C: J4 does not apply, so J5 (Q 500, β 1).
    // q/Q = 100 / 500 = 0.2 → S = 0.2 < 1: not a major hazard source; R = 0.5 × 0.2 = 0.1.
    const high = gradeUnit(
      unitOf([
        classified('高沸点毒性液体', 100, [ghs('acuteToxicity', '2', 'inhalation')], {
          physicalState: 'liquid',
          boilingPointC: 80,
        }),
      ]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    expect(codes(high)).toEqual(['J5']);
    expect(high.S).toBeCloseTo(0.2, 12);
    expect(high.R).toBeCloseTo(0.1, 12);
    expect(high.isMajor).toBe(false);
    expect(high.level).toBeNull();
  });

  it('acute toxicity: category 3 by mouth, a solid, is in no Table 2 row and is listed as not counted', () => {
    const g = gradeUnit(
      unitOf([
        classified('毒性固体', 5000, [ghs('acuteToxicity', '3', 'oral')], {
          physicalState: 'solid',
        }),
      ]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(g.terms).toEqual([]);
    expect(g.notCounted).toEqual([
      expect.objectContaining({
        name: '毒性固体',
        q: 5000,
        reason: {
          kind: 'noTable2Row',
          classes: [ghs('acuteToxicity', '3', 'oral')],
          physicalState: 'solid',
        },
      }),
    ]);
    expect(summary(g)).toEqual({ S: 0, betaSum: 0, alpha: 1, R: 0, isMajor: false, level: null });
  });

  it('explosives: division 1.1 and division 1.4 in one magazine reach level 3 at R = 10', () => {
    // 1.1 → W1.1 (Q 1, β 2): 3 / 1 = 3, βq/Q = 6. 1.4 → W1.3 (Q 50, β 2): 100 / 50 = 2,
    // βq/Q = 4. S = 5; Σβq/Q = 10; 10 people → α = 1.0: R = 10 → level 3 (10 ≤ R < 50).
    const g = gradeUnit(
      unitOf(
        [
          classified('工业炸药', 3, [ghs('explosive', '1.1')]),
          classified('烟花爆竹', 100, [ghs('explosive', '1.4')]),
        ],
        { kind: 'warehouse', name: '爆炸物品库' },
      ),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W1.1', 'W1.3']);
    expect(summary(g)).toEqual({ S: 5, betaSum: 10, alpha: 1, R: 10, isMajor: true, level: 3 });
  });

  it('flammable gases: category 1 is W2 (Q 10, β 1.5)', () => {
    // q/Q = 40 / 10 = 4; βq/Q = 6. 120 people → α = 2.0: R = 12 → level 3.
    const g = gradeUnit(
      unitOf([classified('混合燃料气', 40, [ghs('flammableGas', '1')])]),
      {
        peopleWithin500m: 120,
      },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W2']);
    expect(summary(g)).toEqual({ S: 4, betaSum: 6, alpha: 2, R: 12, isMajor: true, level: 3 });
  });

  it('aerosols: categories 1 and 2 are W3 (Q 150 t net weight, β 1); category 3 is not counted', () => {
    // 300 t net: q/Q = 2; βq/Q = 2. 35 people → α = 1.2: R = 2.4 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('气雾剂', 300, [ghs('aerosol', '1')]),
        classified('不易燃气雾剂', 900, [ghs('aerosol', '3')]),
      ]),
      { peopleWithin500m: 35 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W3']);
    expect(basisOf(g).row.quantityNoteEn).toBe('counted by net weight');
    expect(g.notCounted.map((n) => n.name)).toEqual(['不易燃气雾剂']);
    expect(g.S).toBe(2);
    expect(g.R).toBeCloseTo(2.4, 12);
    expect(g.level).toBe(4);
  });

  it('oxidizing gases: category 1 is W4 (Q 200, β 1)', () => {
    // Nitrous oxide is not in Table 1. q/Q = 500 / 200 = 2.5; βq/Q = 2.5.
    // 100 people → α = 2.0: R = 5 → level 4.
    const g = gradeUnit(
      unitOf([classified('一氧化二氮', 500, [ghs('oxidizingGas', '1')], { cas: '10024-97-2' })]),
      { peopleWithin500m: 100 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W4']);
    expect(summary(g)).toEqual({ S: 2.5, betaSum: 2.5, alpha: 2, R: 5, isMajor: true, level: 4 });
  });

  it('flammable liquids: category 1 is W5.1 (Q 10, β 1.5)', () => {
    // Isopentane is not in Table 1. q/Q = 25 / 10 = 2.5; βq/Q = 3.75.
    // 50 people → α = 1.5: R = 5.625 → level 4.
    const g = gradeUnit(
      unitOf([classified('异戊烷', 25, [ghs('flammableLiquid', '1')], { cas: '78-78-4' })]),
      { peopleWithin500m: 50 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W5.1']);
    expect(summary(g)).toEqual({
      S: 2.5,
      betaSum: 3.75,
      alpha: 1.5,
      R: 5.625,
      isMajor: true,
      level: 4,
    });
  });

  it('flammable liquids under conditions: above the boiling point W5.1, special process W5.2', () => {
    // Category 2 kept above its boiling point → W5.1 (Q 10, β 1.5), W5.3 yields:
    //   30 / 10 = 3; βq/Q = 4.5.
    // Category 3 under a special process (pressure above 1.6 MPa) → W5.2 (Q 50, β 1), W5.4
    // yields: 100 / 50 = 2; βq/Q = 2.
    // S = 5; Σβq/Q = 6.5; 120 people → α = 2.0: R = 13 → level 3.
    // Without those conditions they would be W5.3 (30 / 1000) and W5.4 (100 / 5000): S = 0.05.
    const g = gradeUnit(
      unitOf(
        [
          classified('反应釜物料A', 30, [ghs('flammableLiquid', '2')], {
            conditions: ['aboveBoilingPoint'],
          }),
          classified('反应釜物料B', 100, [ghs('flammableLiquid', '3')], {
            conditions: ['specialProcess'],
          }),
        ],
        { kind: 'productionUnit', name: '加氢装置' },
      ),
      { peopleWithin500m: 120 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W5.1', 'W5.2']);
    expect(basisOf(g, 0).excluded).toEqual([{ code: 'W5.3', because: ['W5.1'] }]);
    expect(basisOf(g, 1).excluded).toEqual([{ code: 'W5.4', because: ['W5.2'] }]);
    expect(summary(g)).toEqual({ S: 5, betaSum: 6.5, alpha: 2, R: 13, isMajor: true, level: 3 });

    const plain = gradeUnit(
      unitOf([
        classified('物料A', 30, [ghs('flammableLiquid', '2')]),
        classified('物料B', 100, [ghs('flammableLiquid', '3')]),
      ]),
      { peopleWithin500m: 120 },
      defaultGb18218Table,
    );
    expect(codes(plain)).toEqual(['W5.3', 'W5.4']);
    expect(plain.S).toBeCloseTo(0.05, 12);
    expect(plain.isMajor).toBe(false);
  });

  it('self-reactive substances: types A–B are W6.1, C–E W6.2, type F is not counted', () => {
    // Type B → W6.1 (Q 10, β 1.5): 15 / 10 = 1.5, βq/Q = 2.25.
    // Type D → W6.2 (Q 50, β 1): 25 / 50 = 0.5, βq/Q = 0.5.
    // S = 2; Σβq/Q = 2.75; nobody nearby → α = 0.5: R = 1.375 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('偶氮类引发剂', 15, [ghs('selfReactive', 'B')]),
        classified('发泡剂', 25, [ghs('selfReactive', 'D')]),
        classified('F型自反应物', 1000, [ghs('selfReactive', 'F')]),
      ]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W6.1', 'W6.2']);
    expect(g.notCounted.map((n) => n.name)).toEqual(['F型自反应物']);
    expect(summary(g)).toEqual({
      S: 2,
      betaSum: 2.75,
      alpha: 0.5,
      R: 1.375,
      isMajor: true,
      level: 4,
    });
  });

  it('organic peroxides: types A–B are W7.1 (Q 10, β 1.5), C–F W7.2 (Q 50, β 1)', () => {
    // Type A: 20 / 10 = 2, βq/Q = 3. Type F: 100 / 50 = 2, βq/Q = 2.
    // S = 4; Σβq/Q = 5; 60 people → α = 1.5: R = 7.5 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('A型有机过氧化物', 20, [ghs('organicPeroxide', 'A')]),
        classified('F型有机过氧化物', 100, [ghs('organicPeroxide', 'F')]),
      ]),
      { peopleWithin500m: 60 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W7.1', 'W7.2']);
    expect(summary(g)).toEqual({ S: 4, betaSum: 5, alpha: 1.5, R: 7.5, isMajor: true, level: 4 });
  });

  it('pyrophoric liquids and solids: category 1 is W8 (Q 50, β 1)', () => {
    // Diethylzinc (liquid) 60 / 50 = 1.2; a pyrophoric solid 40 / 50 = 0.8. S = 2; Σβq/Q = 2;
    // 20 people → α = 1.0: R = 2 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('二乙基锌', 60, [ghs('pyrophoricLiquid', '1')], { cas: '557-20-0' }),
        classified('自燃固体', 40, [ghs('pyrophoricSolid', '1')]),
      ]),
      { peopleWithin500m: 20 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W8', 'W8']);
    expect(g.S).toBeCloseTo(2, 12);
    expect(g.R).toBeCloseTo(2, 12);
    expect(g.level).toBe(4);
  });

  it('oxidizers: category 1 is W9.1 (Q 50), categories 2–3 W9.2 (Q 200), β 1', () => {
    // Potassium perchlorate (solid, 1): 75 / 50 = 1.5. An oxidizing liquid of category 2:
    // 100 / 200 = 0.5. S = 2; Σβq/Q = 2; 100 people → α = 2.0: R = 4 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('高氯酸钾', 75, [ghs('oxidizingSolid', '1')], { cas: '7778-74-7' }),
        classified('氧化性液体', 100, [ghs('oxidizingLiquid', '2')]),
      ]),
      { peopleWithin500m: 100 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W9.1', 'W9.2']);
    expect(summary(g)).toEqual({ S: 2, betaSum: 2, alpha: 2, R: 4, isMajor: true, level: 4 });
  });

  it('flammable solids: category 1 is W10 (Q 200, β 1)', () => {
    // 300 / 200 = 1.5; 5 people → α = 1.0: R = 1.5 → level 4.
    const g = gradeUnit(
      unitOf([classified('易燃固体', 300, [ghs('flammableSolid', '1')])]),
      {
        peopleWithin500m: 5,
      },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W10']);
    expect(summary(g)).toEqual({ S: 1.5, betaSum: 1.5, alpha: 1, R: 1.5, isMajor: true, level: 4 });
  });

  it('water-reactive substances: categories 1–2 are W11 (Q 200, β 1); category 3 is not counted', () => {
    // 500 / 200 = 2.5; 45 people → α = 1.2: R = 3 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('遇湿易燃物品', 500, [ghs('waterReactive', '1')]),
        classified('类别3遇湿物品', 5000, [ghs('waterReactive', '3')]),
      ]),
      { peopleWithin500m: 45 },
      defaultGb18218Table,
    );
    expect(codes(g)).toEqual(['W11']);
    expect(g.notCounted.map((n) => n.name)).toEqual(['类别3遇湿物品']);
    expect(g.S).toBe(2.5);
    expect(g.R).toBeCloseTo(3, 12);
    expect(g.level).toBe(4);
  });

  it('hazardous to the aquatic environment: Table 2 has no such row, so it is not counted', () => {
    // GB 18218-2018 grades no environmental hazard: 10,000 t toxic only to aquatic life adds
    // nothing to S; the working lists it with the classes that matched no row.
    const g = gradeUnit(
      unitOf([
        classified('农药原药（仅环境危害）', 10_000, [
          ghs('aquaticAcute', '1'),
          ghs('aquaticChronic', '1'),
        ]),
        // With a class Table 2 grades it counts by that class: W5.4, 6000 / 5000 = 1.2.
        classified('含油污水处理剂', 6000, [
          ghs('aquaticChronic', '2'),
          ghs('flammableLiquid', '3'),
        ]),
      ]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(g.notCounted.map((n) => [n.name, n.reason.kind])).toEqual([
      ['农药原药（仅环境危害）', 'noTable2Row'],
    ]);
    expect(codes(g)).toEqual(['W5.4']);
    expect(basisOf(g).matchedBy).toEqual(ghs('flammableLiquid', '3'));
    // S = 1.2; α = 1.0: R = 1.2 → level 4.
    expect(g.S).toBeCloseTo(1.2, 12);
    expect(g.level).toBe(4);
  });

  it('counts an environmental row an administrator adds, naming that row', () => {
    // The table's shape lets a bureau add a row the standard lacks; this one (made up for the
    // test, Q 100, β 1) makes the 500 t above count: 500 / 100 = 5.
    const change = {
      by: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
      at: '2026-03-01T09:00:00.000+08:00',
      reason: '测试',
    };
    const source = { kind: 'administrator' as const, reference: '测试用' };
    const table: Gb18218Table = {
      ...defaultGb18218Table,
      version: { id: 'test.2', label: 'test v2', revision: 2, basedOn: 'gb18218-2018.builtin.1' },
      table2: [
        ...defaultGb18218Table.table2,
        {
          id: 'adm-e1',
          code: 'E1',
          family: 'environment',
          nameZh: '危害水生环境：急性1',
          nameEn: 'aquatic acute 1',
          Q: 100,
          criteria: [{ class: 'aquaticAcute', categories: ['1'] }],
          source,
          change,
        },
      ],
      table4: [
        ...defaultGb18218Table.table4,
        { id: 'adm-e1-beta', code: 'E1', beta: 1, source, change },
      ],
    };
    const g = gradeUnit(
      unitOf([classified('农药原药', 500, [ghs('aquaticAcute', '1')])]),
      { peopleWithin500m: 10 },
      table,
    );
    expect(codes(g)).toEqual(['E1']);
    expect(basisOf(g).row).toMatchObject({ id: 'adm-e1', changed: true, source });
    expect(g.S).toBe(5);
    expect(g.tableVersion.label).toBe('test v2');
  });
});

describe('Table 2: a chemical with several hazard classes', () => {
  it('takes the row with the smallest Q and says which rows it passed over', () => {
    // Flammable liquid 2 → W5.3 (Q 1000); acute toxicity 2 oral, liquid boiling at 90 °C → J5
    // (Q 500). The smaller Q is J5: 600 / 500 = 1.2, β 1. 10 people → α = 1.0: R = 1.2 → level 4.
    const g = gradeUnit(
      unitOf([
        classified(
          '有毒易燃液体',
          600,
          [ghs('flammableLiquid', '2'), ghs('acuteToxicity', '2', 'oral')],
          {
            physicalState: 'liquid',
            boilingPointC: 90,
          },
        ),
      ]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    const basis = basisOf(g);
    expect(basis.row.code).toBe('J5');
    expect(basis.matchedBy).toEqual(ghs('acuteToxicity', '2', 'oral'));
    expect(basis.candidates.map((c) => [c.code, c.Q])).toEqual([
      ['J5', 500],
      ['W5.3', 1000],
    ]);
    expect(g.S).toBeCloseTo(1.2, 12);
    expect(g.level).toBe(4);
  });

  it('between rows of equal Q takes the larger β', () => {
    // Explosive 1.4 → W1.3 (Q 50, β 2); oxidizing solid 1 → W9.1 (Q 50, β 1). Equal Q: W1.3.
    // 100 / 50 = 2; βq/Q = 4; 100 people → α = 2.0: R = 8 → level 4 (with W9.1 it would be 4).
    const g = gradeUnit(
      unitOf([
        classified('含氧化剂的烟火药', 100, [ghs('oxidizingSolid', '1'), ghs('explosive', '1.4')]),
      ]),
      { peopleWithin500m: 100 },
      defaultGb18218Table,
    );
    expect(basisOf(g).candidates.map((c) => c.code)).toEqual(['W1.3', 'W9.1']);
    expect(g.terms[0]).toMatchObject({ Q: 50, beta: 2 });
    expect(g.R).toBe(8);
  });

  it('refuses to guess the physical state of an acutely toxic substance', () => {
    // J1 (gas, Q 5) and J2 (liquid or solid, Q 50) differ tenfold: the grading throws rather
    // than pick one (the holding schema asks for the state before this point).
    const unit = {
      kind: 'warehouse' as const,
      name: '库',
      holdings: [{ name: '某毒物', classes: [ghs('acuteToxicity', '1', 'oral')], maxQuantityT: 1 }],
    };
    expect(() => gradeUnit(unit, { peopleWithin500m: 0 }, defaultGb18218Table)).toThrow(
      /physical state/,
    );
  });
});
