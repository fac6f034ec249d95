// A unit of an enterprise as GB 18218-2018 identifies major hazard sources (a production unit, a
// storage tank farm, a warehouse) and the hazardous chemicals it holds: the enterprise record's
// `units` (records from before units were migrated to one unit each, rules/enterprise-units.ts).
import { z } from 'zod';
import {
  casSchema,
  holdingConditionSchema,
  rowIdSchema,
  variantSchema,
} from '../data/gb18218-table-schema';
import type { GhsClassification, PhysicalState } from '../data/ghs-hazard-classes';
import { ghsClassificationSchema, physicalStateSchema } from '../data/ghs-hazard-classes';
import { nonEmpty } from './common';

export const unitKinds = ['productionUnit', 'storageTankFarm', 'warehouse', 'other'] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

const classesSchema = z.array(ghsClassificationSchema).max(40);
const boilingPointSchema = z.number().finite().min(-273.15).max(6000);

/**
 * The facts a data sheet's classes need before Table 2 can be read for them: acute toxicity rows
 * differ by physical state, and for liquids toxic by inhalation by boiling point (J4).
 */
export function missingClassFacts(
  classes: readonly GhsClassification[],
  state: PhysicalState | undefined,
  boilingPointC: number | undefined,
): ('physicalState' | 'boilingPoint')[] {
  const toxic = classes.filter((c) => c.class === 'acuteToxicity');
  if (toxic.length === 0) return [];
  if (state === undefined) return ['physicalState'];
  const needsBoilingPoint = toxic.some(
    (c) => c.route === 'inhalation' && (c.category === '2' || c.category === '3'),
  );
  return state === 'liquid' && needsBoilingPoint && boilingPointC === undefined
    ? ['boilingPoint']
    : [];
}

/**
 * A mixture's pure substance, as far as the mixture rule needs it: its classes (from its own data
 * sheet) and the facts those classes need. The substance itself is named by the holding's `cas`
 * or `table1RowId`.
 */
export const pureSubstanceSchema = z.object({
  pureClasses: classesSchema,
  purePhysicalState: physicalStateSchema.optional(),
  pureBoilingPointC: boilingPointSchema.optional(),
});

/**
 * One chemical a unit holds. A Table 1 substance is named by CAS (with the variant where Table 1
 * splits one) or, for a row without a CAS, by the row's id; any other chemical by its hazard
 * classes as on its data sheet. For a mixture, `cas`/`table1RowId` name its pure substance and
 * `classes` are the mixture's own.
 */
export const unitHoldingSchema = z
  .object({
    name: nonEmpty(100),
    cas: casSchema.optional(),
    table1RowId: rowIdSchema.optional(),
    variant: variantSchema.optional(),
    classes: classesSchema,
    physicalState: physicalStateSchema.optional(),
    boilingPointC: boilingPointSchema.optional(),
    conditions: z.array(holdingConditionSchema).max(2).optional(),
    mixture: pureSubstanceSchema.optional(),
    /** The largest quantity that can be present, tonnes. */
    maxQuantityT: z.number().nonnegative().max(1e7),
  })
  .superRefine((h, ctx) => {
    const named = h.cas !== undefined || h.table1RowId !== undefined;
    if (!named && h.classes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['classes'], message: 'holding.unidentified' });
    }
    if (h.mixture && !named && h.mixture.pureClasses.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['mixture'], message: 'holding.pureUnidentified' });
    }
    for (const fact of missingClassFacts(h.classes, h.physicalState, h.boilingPointC)) {
      ctx.addIssue({ code: 'custom', path: [fact], message: `holding.${fact}Required` });
    }
    if (h.mixture) {
      const { pureClasses, purePhysicalState, pureBoilingPointC } = h.mixture;
      for (const fact of missingClassFacts(pureClasses, purePhysicalState, pureBoilingPointC)) {
        ctx.addIssue({
          code: 'custom',
          path: ['mixture', fact],
          message: `holding.${fact}Required`,
        });
      }
    }
    if (h.conditions && new Set(h.conditions).size !== h.conditions.length) {
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'holding.duplicateCondition' });
    }
  });
export type UnitHolding = z.infer<typeof unitHoldingSchema>;

export const hazardUnitSchema = z.object({
  kind: unitKindSchema,
  name: nonEmpty(100),
  position: z
    .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional(),
  /** People within 500 m of this unit, where they differ from the enterprise's count. */
  peopleWithin500m: z.number().int().nonnegative().max(10_000_000).optional(),
  holdings: z.array(unitHoldingSchema).max(500),
});
export type HazardUnit = z.infer<typeof hazardUnitSchema>;
