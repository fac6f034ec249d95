import { describe, expect, it } from 'vitest';
import { hazardUnitSchema, unitHoldingSchema } from '../../../../domain/schemas/hazard-unit';

const messages = (input: unknown): string[] => {
  const result = unitHoldingSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

const toxicInhalation = { class: 'acuteToxicity', category: '2', route: 'inhalation' };

describe('unitHoldingSchema', () => {
  it('accepts a Table 1 substance by CAS, a row by id, and a chemical by its classes', () => {
    expect(messages({ name: '液氯', cas: '7782-50-5', classes: [], maxQuantityT: 20 })).toEqual([]);
    expect(messages({ name: '煤气', table1RowId: 't1-13', classes: [], maxQuantityT: 2 })).toEqual(
      [],
    );
    expect(
      messages({
        name: '溶剂',
        classes: [{ class: 'flammableLiquid', category: '2' }],
        conditions: ['aboveBoilingPoint'],
        maxQuantityT: 2000,
      }),
    ).toEqual([]);
  });

  it('refuses a holding that names neither a substance nor a class', () => {
    expect(messages({ name: '某物', classes: [], maxQuantityT: 1 })).toEqual([
      'holding.unidentified',
    ]);
  });

  it('asks for the physical state of an acutely toxic chemical, and the boiling point of a liquid toxic by inhalation', () => {
    const base = { name: '毒物', classes: [toxicInhalation], maxQuantityT: 1 };
    expect(messages(base)).toEqual(['holding.physicalStateRequired']);
    expect(messages({ ...base, physicalState: 'liquid' })).toEqual([
      'holding.boilingPointRequired',
    ]);
    expect(messages({ ...base, physicalState: 'liquid', boilingPointC: 30 })).toEqual([]);
    expect(messages({ ...base, physicalState: 'gas' })).toEqual([]);
  });

  it('asks a mixture for its pure substance and the facts its classes need', () => {
    const mixture = {
      name: '溶液',
      classes: [{ class: 'flammableLiquid', category: '3' }],
      maxQuantityT: 1,
    };
    expect(messages({ ...mixture, mixture: { pureClasses: [] } })).toEqual([
      'holding.pureUnidentified',
    ]);
    expect(
      messages({ ...mixture, cas: '7664-41-7', mixture: { pureClasses: [toxicInhalation] } }),
    ).toEqual(['holding.physicalStateRequired']);
    expect(
      messages({
        ...mixture,
        cas: '7664-41-7',
        mixture: { pureClasses: [toxicInhalation], purePhysicalState: 'gas' },
      }),
    ).toEqual([]);
  });

  it('refuses a condition given twice, a negative quantity and a malformed CAS', () => {
    const base = { name: '溶剂', classes: [{ class: 'flammableLiquid', category: '2' }] };
    expect(
      messages({ ...base, maxQuantityT: 1, conditions: ['specialProcess', 'specialProcess'] }),
    ).toEqual(['holding.duplicateCondition']);
    expect(messages({ ...base, maxQuantityT: -1 })).not.toEqual([]);
    expect(messages({ ...base, maxQuantityT: 1, cas: '7782505' })).toContain('cas.invalid');
  });
});

describe('hazardUnitSchema', () => {
  const unit = {
    kind: 'storageTankFarm',
    name: '一号罐区',
    position: { lat: 30.15, lon: 120.85 },
    peopleWithin500m: 40,
    holdings: [{ name: '甲醇', cas: '67-56-1', classes: [], maxQuantityT: 300 }],
  };

  it('accepts a unit with its kind, name, position, head count and holdings', () => {
    expect(hazardUnitSchema.parse(unit)).toEqual(unit);
  });

  it('refuses an unknown kind, a blank name and a negative head count', () => {
    expect(hazardUnitSchema.safeParse({ ...unit, kind: 'pipeline' }).success).toBe(false);
    expect(hazardUnitSchema.safeParse({ ...unit, name: ' ' }).success).toBe(false);
    expect(hazardUnitSchema.safeParse({ ...unit, peopleWithin500m: -1 }).success).toBe(false);
  });
});
