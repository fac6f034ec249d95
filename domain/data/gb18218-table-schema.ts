// The shape of the GB 18218-2018 reference table: every row of Tables 1 to 6 with where its value
// comes from, flags on values not yet checked against the printed standard, and who changed a row.
// The built-in table and any administrator's edition of it are checked against this one shape
// (the cross-row checks are in gb18218-table-checks.ts).
import { z } from 'zod';
import { idSchema, nonEmpty, textSchema, timestampSchema } from '../schemas/common';
import {
  exposureRouteSchema,
  ghsClassSchema,
  isGhsCategory,
  physicalStateSchema,
} from './ghs-hazard-classes';

const positive = z.number().finite().positive();
const name = nonEmpty(200);

/** CAS registry number, e.g. 7664-41-7. */
export const casSchema = z.string().regex(/^\d{2,7}-\d{2}-\d$/, { message: 'cas.invalid' });

/** Whether the last digit of a CAS number is its check digit. */
export function casCheckDigitOk(cas: string): boolean {
  const digits = cas.replaceAll('-', '');
  const body = digits.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    sum += Number(body[body.length - 1 - i]) * (i + 1);
  }
  return sum % 10 === Number(digits.slice(-1));
}

/** A row's stable id: a correction keeps the id of the row it corrects. */
export const rowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.:-]{0,63}$/, {
  message: 'gb18218.rowId',
});

/** A Table 2 / Table 4 code as the standard prints it: J1…J5, W1.1…W11. */
export const hazardCodeSchema = z.string().regex(/^[A-Z]{1,3}\d{1,2}(\.\d{1,2})?$/, {
  message: 'gb18218.code',
});

/** Distinguishes Table 1 rows that share a CAS (ammonium nitrate, nitrocellulose). */
export const variantSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, {
  message: 'gb18218.variant',
});

/** Where a value comes from. */
export const tableSourceSchema = z.discriminatedUnion('kind', [
  /** A row of the standard: Table 1 and Tables 3, 5, 6 by entry number, Tables 2 and 4 by code. */
  z.object({
    kind: z.literal('standard'),
    document: name,
    table: z.number().int().min(1).max(6),
    row: z.number().int().positive().optional(),
    code: hazardCodeSchema.optional(),
  }),
  /** A choice the product makes where the standard says nothing, stated so. */
  z.object({ kind: z.literal('builtIn'), noteZh: nonEmpty(500), noteEn: nonEmpty(500) }),
  /** An administrator's row, with the document it relies on. */
  z.object({ kind: z.literal('administrator'), reference: nonEmpty(300) }),
]);
export type TableSource = z.infer<typeof tableSourceSchema>;

/** A value not yet checked against the printed standard: which field and why. */
export const valueFlagSchema = z.object({
  field: z.string().regex(/^[a-zA-Z0-9.]{1,64}$/),
  noteZh: nonEmpty(500),
  noteEn: nonEmpty(500),
});
export type ValueFlag = z.infer<typeof valueFlagSchema>;

/** Who changed a row of the synced table, when and why (absent on built-in rows). */
export const rowChangeSchema = z.object({
  by: idSchema,
  at: timestampSchema,
  reason: nonEmpty(500),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

const rowFields = {
  id: rowIdSchema,
  source: tableSourceSchema,
  flags: z.array(valueFlagSchema).max(20).optional(),
  change: rowChangeSchema.optional(),
};

/** An administrator's row must say who made it. */
const withChangeWhenAdministrator = <T extends { source: TableSource; change?: RowChange }>(
  row: T,
  ctx: z.RefinementCtx,
): void => {
  if (row.source.kind === 'administrator' && !row.change) {
    ctx.addIssue({ code: 'custom', path: ['change'], message: 'gb18218.changeRequired' });
  }
};

/** How a Table 1 row's β is found. */
export const betaRuleSchema = z.discriminatedUnion('rule', [
  /** A toxic gas of Table 3, by that row's id. */
  z.object({ rule: z.literal('table3'), gas: rowIdSchema }),
  /** Table 4 by the hazard class the substance has, with that class in words. */
  z.object({ rule: z.literal('table4'), code: hazardCodeSchema, basisZh: name, basisEn: name }),
  /** No Table 4 class applies: the table's `unclassifiedBeta`. */
  z.object({ rule: z.literal('unclassified'), basisZh: name, basisEn: name }),
]);
export type BetaRule = z.infer<typeof betaRuleSchema>;

export const table1RowSchema = z
  .object({
    ...rowFields,
    nameZh: name,
    aliasesZh: z.array(name).max(20).optional(),
    nameEn: name,
    /** As printed; null where the standard gives none (coal gas, alkylaluminium, fertiliser). */
    cas: casSchema.nullable(),
    /** Further CAS numbers that name this row (natural gas, propane, the TDI isomers…). */
    matchCas: z.array(casSchema).max(50).optional(),
    variant: variantSchema.optional(),
    /** Critical quantity, tonnes. */
    Q: positive,
    beta: betaRuleSchema,
  })
  .superRefine(withChangeWhenAdministrator);
export type Table1Row = z.infer<typeof table1RowSchema>;

/** Process conditions that Table 2 distinguishes for flammable liquids. */
export const holdingConditions = ['aboveBoilingPoint', 'specialProcess'] as const;
export const holdingConditionSchema = z.enum(holdingConditions);
export type HoldingCondition = z.infer<typeof holdingConditionSchema>;

/** What a Table 2 row covers: a class and categories, narrowed by route, state or conditions. */
export const table2CriterionSchema = z
  .object({
    class: ghsClassSchema,
    categories: z.array(z.string().min(1).max(24)).min(1).max(10),
    routes: z.array(exposureRouteSchema).min(1).max(3).optional(),
    states: z.array(physicalStateSchema).min(1).max(3).optional(),
    /** Only substances boiling at or below this temperature (°C). */
    boilingPointMaxC: z.number().finite().optional(),
    condition: holdingConditionSchema.optional(),
  })
  .superRefine((c, ctx) => {
    c.categories.forEach((category, i) => {
      if (!isGhsCategory(c.class, category)) {
        ctx.addIssue({ code: 'custom', path: ['categories', i], message: 'ghs.category' });
      }
    });
  });
export type Table2Criterion = z.infer<typeof table2CriterionSchema>;

export const hazardFamilies = [
  'acuteToxicity',
  'explosive',
  'flammableGas',
  'aerosol',
  'oxidizingGas',
  'flammableLiquid',
  'selfReactive',
  'organicPeroxide',
  'pyrophoric',
  'oxidizer',
  'flammableSolid',
  'waterReactive',
  'environment',
  'other',
] as const;
export const hazardFamilySchema = z.enum(hazardFamilies);
export type HazardFamily = z.infer<typeof hazardFamilySchema>;

export const table2RowSchema = z
  .object({
    ...rowFields,
    code: hazardCodeSchema,
    family: hazardFamilySchema,
    nameZh: name,
    nameEn: name,
    Q: positive,
    /** The row applies when any criterion matches one of the holding's classifications. */
    criteria: z.array(table2CriterionSchema).min(1).max(10),
    /** "Not in W5.1 or W5.2": the row applies only when none of these rows does. */
    otherThan: z.array(hazardCodeSchema).max(10).optional(),
    /** How q is counted for this row where the standard says (aerosols: net weight). */
    quantityNoteZh: textSchema().max(200).optional(),
    quantityNoteEn: textSchema().max(200).optional(),
  })
  .superRefine(withChangeWhenAdministrator);
export type Table2Row = z.infer<typeof table2RowSchema>;

export const table3RowSchema = z
  .object({ ...rowFields, nameZh: name, nameEn: name, cas: casSchema, beta: positive })
  .superRefine(withChangeWhenAdministrator);
export type Table3Row = z.infer<typeof table3RowSchema>;

export const table4RowSchema = z
  .object({ ...rowFields, code: hazardCodeSchema, beta: positive })
  .superRefine(withChangeWhenAdministrator);
export type Table4Row = z.infer<typeof table4RowSchema>;

export const alphaRowSchema = z
  .object({
    ...rowFields,
    minPeople: z.number().int().nonnegative(),
    maxPeople: z.number().int().nonnegative().nullable(),
    alpha: positive,
  })
  .superRefine(withChangeWhenAdministrator);
export type AlphaRow = z.infer<typeof alphaRowSchema>;

export const levelRowSchema = z
  .object({
    ...rowFields,
    level: z.number().int().min(1).max(4),
    minR: z.number().finite().nonnegative(),
  })
  .superRefine(withChangeWhenAdministrator);
export type LevelRow = z.infer<typeof levelRowSchema>;

/** β for a Table 1 substance to which no Table 4 class applies. */
export const unclassifiedBetaSchema = z.object({
  beta: positive,
  source: tableSourceSchema,
  flags: z.array(valueFlagSchema).max(20).optional(),
  change: rowChangeSchema.optional(),
});

/**
 * Which edition of the table a working used. The built-in table is revision 1; each edition an
 * administrator publishes gets the next revision and names the one it was based on.
 */
export const tableVersionSchema = z.object({
  id: rowIdSchema,
  label: name,
  revision: z.number().int().positive(),
  basedOn: rowIdSchema.nullable(),
});
export type TableVersion = z.infer<typeof tableVersionSchema>;

export const tableNoteSchema = z.object({ zh: nonEmpty(1000), en: nonEmpty(1000) });
