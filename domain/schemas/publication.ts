// The published results of a draw (抽查结果公示): one row per visit the draw made, with the
// enterprise, the day it was inspected, the inspecting agencies, what was checked and the outcome.
// The server builds it (GET /draws/:id/results) from the draw's tasks and the submitted
// inspections that name them; rules/publication.ts says how each row is derived.
import { z } from 'zod';
import { riskClassSchema } from './risk';
import { dateSchema, idSchema, sha256Schema, textSchema, timestampSchema } from './common';
import { periodKeySchema } from './plan';

/**
 * - unstaffed: the draw could not send two officers, so no visit was made;
 * - pending: no submitted inspection names the visit's task yet;
 * - noHazards / hazardsFound: the submitted inspection found none, or some.
 */
export const publicationOutcomes = ['unstaffed', 'pending', 'noHazards', 'hazardsFound'] as const;
export const publicationOutcomeSchema = z.enum(publicationOutcomes);
export type PublicationOutcome = z.infer<typeof publicationOutcomeSchema>;

export const publicationRowSchema = z.object({
  enterpriseId: idSchema,
  enterpriseName: textSchema().max(200),
  riskClass: riskClassSchema,
  /** The inspecting agencies: the draw's agency, and its partner on a joint visit. */
  agencyIds: z.array(idSchema).min(1).max(2),
  agencyNames: z.array(textSchema().max(100)).min(1).max(2),
  joint: z.boolean(),
  /** The submitted inspection the row's result comes from; null before it is made. */
  inspectionId: idSchema.nullable(),
  /** The day the inspection finished, in China; null before it is made. */
  inspectedOn: dateSchema.nullable(),
  /** The checklists used, by title. */
  checklists: z.array(textSchema().max(200)).max(10),
  /** Checklist items answered pass or fail (not "not applicable"), and those that failed. */
  itemsChecked: z.number().int().nonnegative(),
  itemsFailed: z.number().int().nonnegative(),
  outcome: publicationOutcomeSchema,
  /** Hazards recorded on the inspection: all, the major ones, and those closed after re-inspection. */
  hazards: z.object({
    total: z.number().int().nonnegative(),
    major: z.number().int().nonnegative(),
    closed: z.number().int().nonnegative(),
  }),
});
export type PublicationRow = z.infer<typeof publicationRowSchema>;

export const publicationSchema = z.object({
  draw: z.object({
    id: idSchema,
    agencyId: idSchema,
    agencyName: textSchema().max(100),
    jointPartnerAgencyId: idSchema.nullable(),
    planId: idSchema,
    planRevision: z.number().int().min(1),
    year: z.number().int(),
    periodKey: periodKeySchema,
    periodFrom: dateSchema,
    periodTo: dateSchema,
    drawnAt: timestampSchema,
    resultHash: sha256Schema,
    /** A redraw replaced this draw: its tasks were withdrawn, though visits made still count. */
    replaced: z.boolean(),
  }),
  rows: z.array(publicationRowSchema).max(20_000),
});
export type Publication = z.infer<typeof publicationSchema>;
