import { defaultGb18218Table } from '../../../../domain/data/gb18218-table';
import { describe, expect, it } from 'vitest';
import { gradeUnit } from '../../../../domain/rules/gb18218-unit';
import type { UnitGrading } from '../../../../domain/rules/gb18218-working';
import { byCas, classified, ghs, unitOf } from './gb18218-fixtures';

// Pure methanol as its data sheet classifies it: flammable liquid 2, acute toxicity 3 by every
// route (a liquid: no Table 2 row grades category 3 for it), STOT SE 1.
const methanolClasses = [
  ghs('flammableLiquid', '2'),
  ghs('acuteToxicity', '3', 'oral'),
  ghs('acuteToxicity', '3', 'dermal'),
  ghs('acuteToxicity', '3', 'inhalation'),
  ghs('stotSingle', '1'),
];
const methanolPure = {
  pureClasses: methanolClasses,
  purePhysicalState: 'liquid' as const,
  pureBoilingPointC: 64.7,
};

const codeOf = (g: UnitGrading, i = 0) => {
  const b = g.terms[i]?.qBasis;
  return b?.kind === 'table1'
    ? `t1:${b.row.source.kind === 'standard' ? b.row.source.row : ''}`
    : b?.row.code;
};

describe('mixtures: the same hazard categories as the pure substance → counted as the pure substance', () => {
  it('an 80 % methanol solution, still flammable liquid 2, is methanol (Table 1 row 65), whole mass', () => {
    // Categories Table 2 grades: pure {flammableLiquid 2}; mixture {flammableLiquid 2} → same.
    // So it counts as methanol: Q = 500 (Table 1), q = the whole 600 t of solution, and it adds
    // to the 100 t of pure methanol in the same tank farm: q = 700, q/Q = 1.4.
    // β (methanol's Table 4 class W5.3) = 1: βq/Q = 1.4. 40 people → α = 1.2: R = 1.68 → level 4.
    const g = gradeUnit(
      unitOf([
        byCas('甲醇', '67-56-1', 100),
        byCas('甲醇水溶液（80%）', '67-56-1', 600, {
          classes: [ghs('flammableLiquid', '2'), ghs('acuteToxicity', '3', 'oral')],
          physicalState: 'liquid',
          boilingPointC: 70,
          mixture: methanolPure,
        }),
      ]),
      { peopleWithin500m: 40 },
      defaultGb18218Table,
    );
    expect(g.terms).toHaveLength(1);
    expect(codeOf(g)).toBe('t1:65');
    expect(g.terms[0]).toMatchObject({ q: 700, Q: 500, beta: 1 });
    expect(g.terms[0]?.holdings).toEqual([
      { index: 0, name: '甲醇', q: 100, mixture: null },
      {
        index: 1,
        name: '甲醇水溶液（80%）',
        q: 600,
        mixture: {
          rule: 'sameAsPure',
          pureCategories: ['flammableLiquid 2'],
          mixtureCategories: ['flammableLiquid 2'],
        },
      },
    ]);
    expect(g.S).toBeCloseTo(1.4, 12);
    expect(g.R).toBeCloseTo(1.68, 12);
    expect(g.level).toBe(4);
  });

  it('a solution of an unnamed flammable liquid in the same category is that liquid, and adds up', () => {
    // Pure: flammable liquid 2, CAS not in Table 1 → W5.3 (Q 1000). The solution keeps
    // category 2 → counted as the pure substance: 400 t pure + 700 t solution = 1100 t,
    // q/Q = 1.1: neither holding reaches Q, but the substance they are together does.
    // β 1; 0 people → α 0.5: R = 0.55 → level 4.
    const g = gradeUnit(
      unitOf([
        classified('乙酸异丙酯', 400, [ghs('flammableLiquid', '2')], { cas: '108-21-4' }),
        classified('乙酸异丙酯溶液', 700, [ghs('flammableLiquid', '2')], {
          cas: '108-21-4',
          mixture: { pureClasses: [ghs('flammableLiquid', '2')] },
        }),
      ]),
      { peopleWithin500m: 0 },
      defaultGb18218Table,
    );
    expect(g.terms).toHaveLength(1);
    expect(codeOf(g)).toBe('W5.3');
    expect(g.terms[0]?.q).toBe(1100);
    expect(g.identifiedBy).toBe('singleSubstance');
    expect(g.S).toBeCloseTo(1.1, 12);
    expect(g.R).toBeCloseTo(0.55, 12);
    expect(g.level).toBe(4);
  });
});

describe('mixtures: other hazard categories than the pure substance → by the mixture’s own', () => {
  it('a 30 % methanol solution of category 3 takes W5.4, not methanol’s Table 1 Q', () => {
    // Pure {flammableLiquid 2} ≠ mixture {flammableLiquid 3} → its own category: W5.4, Q 5000.
    // 600 / 5000 = 0.12 → not a major hazard source (as methanol it would be 600 / 500 = 1.2).
    // R = 1.2 × 0.12 = 0.144 (40 people).
    const g = gradeUnit(
      unitOf([
        byCas('甲醇水溶液（30%）', '67-56-1', 600, {
          classes: [ghs('flammableLiquid', '3')],
          mixture: methanolPure,
        }),
      ]),
      { peopleWithin500m: 40 },
      defaultGb18218Table,
    );
    expect(codeOf(g)).toBe('W5.4');
    expect(g.terms[0]?.holdings[0]?.mixture).toEqual({
      rule: 'ownClasses',
      pureCategories: ['flammableLiquid 2'],
      mixtureCategories: ['flammableLiquid 3'],
    });
    // A mixture graded by its own categories is no longer methanol: β from Table 4 by its row.
    expect(g.terms[0]?.betaBasis).toMatchObject({ kind: 'table4', code: 'W5.4', via: 'table2' });
    expect(g.S).toBeCloseTo(0.12, 12);
    expect(g.R).toBeCloseTo(0.144, 12);
    expect(g.isMajor).toBe(false);
  });

  it('ammonia water is not counted as ammonia: its own categories are in no Table 2 row', () => {
    // Pure ammonia (a gas): {acuteToxicity 3 (inhalation), flammableGas 2} are graded (J3, W2).
    // 25 % ammonia solution (a liquid): skin corrosion 1B, aquatic acute 1, STOT SE 3 — none
    // graded → other categories → its own → no Table 2 row → not counted, and listed so.
    const g = gradeUnit(
      unitOf([
        byCas('氨水（25%）', '7664-41-7', 300, {
          classes: [ghs('skinCorrosion', '1B'), ghs('aquaticAcute', '1'), ghs('stotSingle', '3')],
          physicalState: 'liquid',
          mixture: {
            pureClasses: [
              ghs('flammableGas', '2'),
              ghs('gasUnderPressure', 'liquefied'),
              ghs('acuteToxicity', '3', 'inhalation'),
              ghs('skinCorrosion', '1B'),
              ghs('aquaticAcute', '1'),
            ],
            purePhysicalState: 'gas',
          },
        }),
      ]),
      { peopleWithin500m: 200 },
      defaultGb18218Table,
    );
    expect(g.terms).toEqual([]);
    expect(g.notCounted).toEqual([
      expect.objectContaining({
        name: '氨水（25%）',
        q: 300,
        holdings: [
          expect.objectContaining({
            mixture: {
              rule: 'ownClasses',
              pureCategories: ['acuteToxicity 3 (inhalation)', 'flammableGas 2'],
              mixtureCategories: [],
            },
          }),
        ],
        reason: expect.objectContaining({ kind: 'noTable2Row' }),
      }),
    ]);
    expect(g.isMajor).toBe(false);
  });

  it('a mixture with a graded category its pure substance lacks takes the strictest of its own', () => {
    // Pure: {flammableLiquid 2}. Mixture: {flammableLiquid 2, acuteToxicity 2 (oral)} → not the
    // same → its own: W5.3 (Q 1000) or J5 (liquid, Q 500) → J5. 600 / 500 = 1.2, β 1;
    // 10 people → α 1.0: R = 1.2 → level 4.
    const g = gradeUnit(
      unitOf([
        classified(
          '含毒性组分的溶剂',
          600,
          [ghs('flammableLiquid', '2'), ghs('acuteToxicity', '2', 'oral')],
          {
            cas: '108-21-4',
            physicalState: 'liquid',
            boilingPointC: 88,
            mixture: { pureClasses: [ghs('flammableLiquid', '2')] },
          },
        ),
      ]),
      { peopleWithin500m: 10 },
      defaultGb18218Table,
    );
    expect(codeOf(g)).toBe('J5');
    expect(g.terms[0]?.holdings[0]?.mixture?.rule).toBe('ownClasses');
    expect(g.S).toBeCloseTo(1.2, 12);
    expect(g.level).toBe(4);
  });
});
