// The standard's rule for a mixture of a hazardous chemical: if the mixture falls in the same
// hazard categories as its pure substance it counts as the pure substance, its whole mass taken
// as q; if not, its critical quantity follows its own (new) categories.
//
// "Same hazard categories" is read over the categories Table 2 grades (class, category and, for
// acute toxicity, route), each side with its own physical state: a flammable liquid of category 2
// diluted to category 3, or a toxic gas dissolved into a liquid that Table 2 no longer grades,
// has left its pure substance's categories. Categories the standard does not grade (skin
// corrosion, aquatic toxicity…) do not decide it.
import type { UnitHolding } from '../schemas/hazard-unit';
import type { TableIndex } from './gb18218-index';
import type { SubstanceFacts } from './gb18218-table2-match';
import { gradedCategories } from './gb18218-table2-match';
import type { MixtureBasis } from './gb18218-working';

export function ownFacts(h: UnitHolding): SubstanceFacts {
  return {
    name: h.name,
    physicalState: h.physicalState,
    boilingPointC: h.boilingPointC,
    conditions: h.conditions ?? [],
  };
}

export function pureFacts(h: UnitHolding): SubstanceFacts {
  return {
    name: h.name,
    physicalState: h.mixture?.purePhysicalState,
    boilingPointC: h.mixture?.pureBoilingPointC,
    conditions: h.conditions ?? [],
  };
}

/** Which way the mixture rule goes for a holding declared a mixture. */
export function mixtureBasis(
  h: UnitHolding & { mixture: NonNullable<UnitHolding['mixture']> },
  index: TableIndex,
): MixtureBasis {
  const pureCategories = gradedCategories(h.mixture.pureClasses, pureFacts(h), index);
  const mixtureCategories = gradedCategories(h.classes, ownFacts(h), index);
  const same =
    pureCategories.length === mixtureCategories.length &&
    pureCategories.every((c, i) => c === mixtureCategories[i]);
  return { rule: same ? 'sameAsPure' : 'ownClasses', pureCategories, mixtureCategories };
}
