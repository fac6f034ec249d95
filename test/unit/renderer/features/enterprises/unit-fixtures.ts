// Two units of an enterprise, a tank farm and a solvent warehouse, whose working is computed by
// hand in unit-working.test.ts.
import type { HazardUnit } from '../../../../../domain/schemas/hazard-unit';

export const tankFarm: HazardUnit = {
  kind: 'storageTankFarm',
  name: '液氨罐区',
  holdings: [
    { name: '液氨', cas: '7664-41-7', classes: [], maxQuantityT: 20 },
    { name: '甲醇', cas: '67-56-1', classes: [], maxQuantityT: 250 },
  ],
};
export const warehouse: HazardUnit = {
  kind: 'warehouse',
  name: '溶剂库',
  peopleWithin500m: 60,
  holdings: [
    {
      name: '溶剂 A',
      classes: [{ class: 'flammableLiquid', category: '1' }],
      physicalState: 'liquid',
      maxQuantityT: 100,
    },
    {
      name: '助剂 B',
      classes: [{ class: 'aquaticChronic', category: '2' }],
      maxQuantityT: 5,
    },
  ],
};
