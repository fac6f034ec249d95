import { z } from 'zod';
import { checkCas } from '../rules/cas';
import { upgradeEnterpriseShape } from '../rules/enterprise-units';
import { checkUscc } from '../rules/uscc';
import {
  dateSchema,
  idSchema,
  nonEmpty,
  syncFields,
  textSchema,
  timestampSchema,
  townCodeSchema,
} from './common';
import { hazardUnitSchema, unitHoldingSchema } from './hazard-unit';

export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const result = checkUscc(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `creditCode.${result.problem}` });
  });

export const tracks = ['cluster_upgrade', 'merger', 'shutdown', 'unassigned'] as const;
export const trackSchema = z.enum(tracks);
export type Track = z.infer<typeof trackSchema>;

/** CAS registry number, e.g. 7664-41-7. */
export const casSchema = z.string().regex(/^\d{2,7}-\d{2}-\d$/, { message: 'cas.invalid' });

/**
 * A CAS number whose check digit is right: what administrators enter and import. The record
 * schema keeps the shape check only, so that records stored before the check still sync.
 */
export const checkedCasSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = checkCas(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: `cas.${result.problem}` });
  });

/**
 * A chemical as records before units held them (a flat `chemicals` list graded as one unit). It
 * is read only to upgrade such records and payloads (rules/enterprise-units.ts), and the import
 * file's 危险化学品 column keeps this form.
 */
export const chemicalHoldingSchema = z.object({
  name: nonEmpty(100),
  cas: casSchema,
  maxQuantityT: z.number().nonnegative().max(1e7),
});
export type ChemicalHolding = z.infer<typeof chemicalHoldingSchema>;

export const contactSchema = z.object({
  name: nonEmpty(50),
  title: textSchema().trim().max(50),
  phone: z.string().regex(/^[0-9+\- ]{5,20}$/, { message: 'phone.invalid' }),
});
export type Contact = z.infer<typeof contactSchema>;

export const milestoneSchema = z.object({
  title: nonEmpty(200),
  due: dateSchema,
  doneAt: timestampSchema.nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const closureKinds = ['shutdown', 'merged'] as const;
export type ClosureKind = (typeof closureKinds)[number];

/**
 * An enterprise that has shut down or merged into another: it leaves the working lists (new
 * inspections, the enterprise list) but keeps its records and history.
 */
export const closureSchema = z
  .object({
    kind: z.enum(closureKinds),
    /** The day it closed or the merger took effect. */
    date: dateSchema,
    /** The enterprise it merged into: required for a merger, absent for a shutdown. */
    mergedIntoId: idSchema.optional(),
  })
  .refine((c) => (c.kind === 'merged') === (c.mergedIntoId !== undefined), {
    message: 'closure.mergedInto',
    path: ['mergedIntoId'],
  });
export type Closure = z.infer<typeof closureSchema>;

export const MAX_UNITS = 100;

const enterpriseObjectSchema = z.object({
  ...syncFields,
  name: nonEmpty(200),
  creditCode: creditCodeSchema,
  address: nonEmpty(300),
  town: townCodeSchema,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  industry: nonEmpty(100),
  contacts: z.array(contactSchema).max(50),
  /** Its units as GB 18218-2018 identifies major hazard sources, each with its holdings. */
  units: z.array(hazardUnitSchema).max(MAX_UNITS),
  /** People within 500 m outside the boundary; a unit may give its own count. */
  peopleWithin500m: z.number().int().nonnegative(),
  track: trackSchema,
  trackMilestones: z.array(milestoneSchema).max(100),
  /** Set when it closed; null or absent while it operates (records made before closures). */
  closure: closureSchema.nullable().optional(),
  /**
   * Records before units held a flat list here. A payload with it and no units is upgraded to one
   * unit before parsing (enterprise-units.ts); one with both is refused, as nobody could tell
   * which of the two it means.
   */
  chemicals: z.never({ message: 'enterprise.chemicalsWithUnits' }).optional(),
});

/** An enterprise record; one in the shape before units is read as one unit of its chemicals. */
export const enterpriseSchema = z.preprocess(
  // Typed as today's input so that callers writing records are held to it; at run time any value
  // arrives here (an old record, a device's payload) and is judged by the object schema.
  (value: z.input<typeof enterpriseObjectSchema>) => upgradeEnterpriseShape(value),
  enterpriseObjectSchema,
);
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** A holding as an administrator enters it: a CAS number must have its right check digit. */
const checkedHoldingSchema = unitHoldingSchema.superRefine((h, ctx) => {
  if (h.cas === undefined) return;
  const result = checkCas(h.cas);
  if (!result.ok) ctx.addIssue({ code: 'custom', path: ['cas'], message: `cas.${result.problem}` });
});

export const hazardUnitInputSchema = hazardUnitSchema.extend({
  holdings: z.array(checkedHoldingSchema).max(500),
});

/**
 * What an administrator enters for an enterprise (the edit form and the admin API): every field
 * but the sync envelope and the closure (closing is its own action), CAS numbers with their
 * check digit, and nothing else. A client from before units may still send `chemicals`: it
 * becomes one unit, as a stored record does.
 */
const enterpriseInputObjectSchema = z.strictObject({
  ...enterpriseObjectSchema.pick({
    name: true,
    creditCode: true,
    address: true,
    town: true,
    lat: true,
    lon: true,
    industry: true,
    contacts: true,
    peopleWithin500m: true,
    track: true,
    trackMilestones: true,
  }).shape,
  units: z.array(hazardUnitInputSchema).max(MAX_UNITS),
});

export const enterpriseInputSchema = z.preprocess(
  (value: z.input<typeof enterpriseInputObjectSchema>) => upgradeEnterpriseShape(value),
  enterpriseInputObjectSchema,
);
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;

/** The fields an administrator enters, as enterpriseInputSchema takes them. */
export const enterpriseInputFields = [
  'name',
  'creditCode',
  'address',
  'town',
  'lat',
  'lon',
  'industry',
  'contacts',
  'units',
  'peopleWithin500m',
  'track',
  'trackMilestones',
] as const satisfies readonly (keyof EnterpriseInput)[];
