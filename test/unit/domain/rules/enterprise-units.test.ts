import { describe, expect, it } from 'vitest';
import {
  columnChemicals,
  columnSaysUnits,
  unitsFromChemicals,
  unitsFromColumn,
  upgradeEnterpriseShape,
} from '../../../../domain/rules/enterprise-units';
import type { HazardUnit } from '../../../../domain/schemas/hazard-unit';

const ammonia = { name: '液氨', cas: '7664-41-7', maxQuantityT: 8 };
const chlorine = { name: '液氯', cas: '7782-50-5', maxQuantityT: 20 };
const holding = (c: typeof ammonia) => ({ ...c, classes: [] });

describe('upgradeEnterpriseShape', () => {
  it('turns a list of chemicals into one unit and leaves other values alone', () => {
    expect(upgradeEnterpriseShape({ name: 'x', chemicals: [ammonia] })).toEqual({
      name: 'x',
      units: [{ kind: 'other', name: '全厂', holdings: [holding(ammonia)] }],
    });
    const both = { chemicals: [ammonia], units: [] };
    expect(upgradeEnterpriseShape(both)).toBe(both);
    const notAList = { chemicals: 'liquid ammonia' };
    expect(upgradeEnterpriseShape(notAList)).toBe(notAList);
    expect(upgradeEnterpriseShape(null)).toBeNull();
  });
});

describe('the import column and the form list', () => {
  const tankFarm: HazardUnit = {
    kind: 'storageTankFarm',
    name: '罐区',
    holdings: [holding(chlorine)],
  };
  const warehouse: HazardUnit = { kind: 'warehouse', name: '仓库', holdings: [holding(ammonia)] };

  it('keeps several units when the list is the one they export', () => {
    const e = { units: [tankFarm, warehouse] };
    expect(columnChemicals(e)).toEqual([chlorine, ammonia]);
    expect(unitsFromColumn(e, [chlorine, ammonia])).toEqual([tankFarm, warehouse]);
  });

  it('refuses to merge several units into one list, and holdings the list cannot say', () => {
    expect(columnSaysUnits({ units: [tankFarm, warehouse] })).toBe(false);
    expect(unitsFromColumn({ units: [tankFarm, warehouse] }, [chlorine])).toBeNull();
    const byClass: HazardUnit = {
      ...tankFarm,
      holdings: [
        {
          name: '溶剂',
          classes: [{ class: 'flammableLiquid', category: '2' }],
          maxQuantityT: 2000,
        },
      ],
    };
    expect(unitsFromColumn({ units: [byClass] }, [chlorine])).toBeNull();
  });

  it('sets the holdings of the one unit, keeping its kind and name, or makes the unit', () => {
    expect(unitsFromColumn({ units: [tankFarm] }, [ammonia])).toEqual([
      { ...tankFarm, holdings: [holding(ammonia)] },
    ]);
    expect(unitsFromColumn({ units: [] }, [ammonia])).toEqual(unitsFromChemicals([ammonia]));
    expect(unitsFromColumn(undefined, [])).toEqual(unitsFromChemicals([]));
  });
});
