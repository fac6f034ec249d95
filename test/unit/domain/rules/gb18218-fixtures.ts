// Builders for the GB 18218-2018 grading tests: holdings as a data sheet describes them, and units.
import type { GhsClass, GhsClassification } from '../../../../domain/data/ghs-hazard-classes';
import type { HazardUnit, UnitHolding, UnitKind } from '../../../../domain/schemas/hazard-unit';
import { hazardUnitSchema } from '../../../../domain/schemas/hazard-unit';
import type { UnitGrading } from '../../../../domain/rules/gb18218-working';

/** One line of a data sheet's classification. */
export const ghs = (
  cls: GhsClass,
  category: string,
  route?: GhsClassification['route'],
): GhsClassification => ({ class: cls, category, ...(route ? { route } : {}) });

/** A holding described by its classes only (a chemical Table 1 does not name). */
export const classified = (
  name: string,
  maxQuantityT: number,
  classes: GhsClassification[],
  more: Partial<UnitHolding> = {},
): UnitHolding => ({ name, classes, maxQuantityT, ...more });

/** A holding named by CAS. */
export const byCas = (
  name: string,
  cas: string,
  maxQuantityT: number,
  more: Partial<UnitHolding> = {},
): UnitHolding => ({ name, cas, classes: [], maxQuantityT, ...more });

/**
 * A unit, parsed by its schema so that every example is a unit the app could store.
 */
export const unitOf = (
  holdings: UnitHolding[],
  more: { kind?: UnitKind; name?: string; peopleWithin500m?: number } = {},
): HazardUnit =>
  hazardUnitSchema.parse({
    kind: more.kind ?? 'storageTankFarm',
    name: more.name ?? '一号罐区',
    holdings,
    ...(more.peopleWithin500m === undefined ? {} : { peopleWithin500m: more.peopleWithin500m }),
  });

/** The parts of a grading a hand calculation gives. */
export const summary = (g: UnitGrading) => ({
  S: g.S,
  betaSum: g.betaSum,
  alpha: g.alpha.value,
  R: g.R,
  isMajor: g.isMajor,
  level: g.level,
});
