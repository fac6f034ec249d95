// A random draw (双随机) of enterprises and officers for one period of an agency's plan: what goes
// in (the lists as they were, the seed), what comes out (the visits), and the record kept of it,
// which holds the seed, the algorithm's version, a hash of each input list and of the result. A
// stored draw is never changed: a redraw is a new record naming the draw it replaces and why.
// The entries of the two lists are in risk.ts (targets) and officer.ts (officers, conflicts).
import { z } from 'zod';
import type { OfficerEntry } from './officer';
import {
  conflictPairSchema,
  exclusionReasonSchema,
  exclusionReasons,
  officerEntrySchema,
} from './officer';
import { periodKeySchema, planSchema } from './plan';
import type { TargetEntry } from './risk';
import { riskClassSchema, targetEntrySchema } from './risk';
import {
  dateSchema,
  idSchema,
  nonEmpty,
  sha256Schema,
  syncFields,
  textSchema,
  timestampSchema,
} from './common';

/** The version of the draw algorithm (rules/draw.ts); a record names the one that made it. */
export const DRAW_ALGORITHM = 'fi-draw/1';
export const drawAlgorithmSchema = z.literal(DRAW_ALGORITHM);

const uniqueBy =
  <T>(key: (entry: T) => string) =>
  (list: readonly T[]): boolean =>
    new Set(list.map(key)).size === list.length;

/** An officer assigned to an enterprise by a draw. */
export const assignmentSchema = z.object({ enterpriseId: idSchema, officerId: idSchema });
export type Assignment = z.infer<typeof assignmentSchema>;

/** Everything a draw depends on. Each list is hashed into the draw's record. */
export const drawInputSchema = z
  .object({
    /** The approved plan version the draw follows. */
    plan: planSchema,
    periodKey: periodKeySchema,
    seed: nonEmpty(200),
    targets: z
      .array(targetEntrySchema)
      .max(20_000)
      .refine(
        uniqueBy((t: TargetEntry) => t.enterpriseId),
        { message: 'draw.duplicateTarget' },
      ),
    /** Officers of the agency, and of the partner agency in a joint draw; others are ignored. */
    officers: z
      .array(officerEntrySchema)
      .max(5_000)
      .refine(
        uniqueBy((o: OfficerEntry) => o.userId),
        { message: 'draw.duplicateOfficer' },
      ),
    conflicts: z.array(conflictPairSchema).max(50_000),
    /** The officers each enterprise had in the agency's previous draw (and the partner's). */
    previousAssignments: z.array(assignmentSchema).max(50_000),
    /** Enterprises drawn in earlier periods of the plan's year: not drawn again this year. */
    drawnEarlierInYear: z.array(idSchema).max(20_000),
    /** A joint draw (跨部门联合抽查): the partner agency and the enterprises due there. */
    joint: z
      .object({
        partnerAgencyId: idSchema,
        dueEnterpriseIds: z.array(idSchema).max(20_000),
      })
      .nullable(),
  })
  .superRefine((input, ctx) => {
    if (input.plan.status !== 'approved' || input.plan.deletedAt !== null) {
      ctx.addIssue({ code: 'custom', message: 'draw.planNotApproved', path: ['plan'] });
    }
    if (!input.plan.shares.some((s) => s.period === input.periodKey)) {
      ctx.addIssue({ code: 'custom', message: 'draw.periodNotInPlan', path: ['periodKey'] });
    }
    if (input.joint?.partnerAgencyId === input.plan.agencyId) {
      ctx.addIssue({ code: 'custom', message: 'draw.partnerIsOwnAgency', path: ['joint'] });
    }
  });
export type DrawInput = z.infer<typeof drawInputSchema>;

/** Why a drawn enterprise has no officers: per agency, who could serve and who could not. */
export const unstaffedSchema = z.object({
  /** Officers the visit needs in all. */
  needed: z.number().int().positive(),
  byAgency: z
    .array(
      z.object({
        agencyId: idSchema,
        /** Officers of the agency who could be drawn for it. */
        eligible: z.number().int().nonnegative(),
        excluded: z
          .array(
            z.object({
              officerId: idSchema,
              reasons: z.array(exclusionReasonSchema).min(1).max(exclusionReasons.length),
            }),
          )
          .max(5_000),
      }),
    )
    .min(1)
    .max(2),
});
export type Unstaffed = z.infer<typeof unstaffedSchema>;

/** One visit of the draw: an enterprise, the agencies that inspect it, and their officers. */
export const drawnVisitSchema = z.object({
  enterpriseId: idSchema,
  riskClass: riskClassSchema,
  /** The agency, and the partner first-listed after it for a joint visit. */
  agencyIds: z.array(idSchema).min(1).max(2),
  joint: z.boolean(),
  /** Empty when the visit could not be staffed (see `unstaffed`). */
  officerIds: z.array(idSchema).max(10),
  unstaffed: unstaffedSchema.nullable(),
});
export type DrawnVisit = z.infer<typeof drawnVisitSchema>;

/** How many enterprises of a class the period asked for and how many were drawn. */
export const classQuotaSchema = z.object({
  riskClass: riskClassSchema,
  /** Enterprises of the class in the target list. */
  population: z.number().int().nonnegative(),
  shareBp: z.number().int().min(0).max(10_000),
  /** The class's shares in the year's earlier periods. */
  beforeBp: z.number().int().min(0).max(10_000),
  wanted: z.number().int().nonnegative(),
  /** Enterprises of the class not drawn earlier in the year. */
  eligible: z.number().int().nonnegative(),
  /** min(wanted, eligible): a shortfall is wanted − drawn. */
  drawn: z.number().int().nonnegative(),
});
export type ClassQuota = z.infer<typeof classQuotaSchema>;

export const drawResultSchema = z.object({
  quotas: z.array(classQuotaSchema).length(4),
  /** In the order drawn: by class, most severe first, then as picked. */
  visits: z.array(drawnVisitSchema).max(20_000),
});
export type DrawResult = z.infer<typeof drawResultSchema>;

/** SHA-256 of the canonical JSON of each input (rules/draw-audit.ts says how each is formed). */
export const drawInputHashesSchema = z.object({
  plan: sha256Schema,
  targets: sha256Schema,
  officers: sha256Schema,
  conflicts: sha256Schema,
  previousAssignments: sha256Schema,
  drawnEarlierInYear: sha256Schema,
  partnerDue: sha256Schema,
});
export type DrawInputHashes = z.infer<typeof drawInputHashesSchema>;

/** Where the seed came from, recorded before the draw is run. */
export const drawSeedSchema = z.object({
  value: nonEmpty(200),
  /** Taken from a published source (a lottery result, …) or generated by the system. */
  source: z.enum(['public', 'generated']),
  /** Which published source and issue, or how it was generated. */
  description: textSchema().trim().max(500),
  recordedBy: idSchema,
  /** Stamped by the server when the seed reaches it: before `drawnAt`. */
  recordedAt: timestampSchema,
});
export type DrawSeed = z.infer<typeof drawSeedSchema>;

export const drawRecordSchema = z
  .object({
    ...syncFields,
    agencyId: idSchema,
    planId: idSchema,
    planRevision: z.number().int().min(1),
    year: z.number().int().min(2000).max(2100),
    periodKey: periodKeySchema,
    periodFrom: dateSchema,
    periodTo: dateSchema,
    jointPartnerAgencyId: idSchema.nullable(),
    seed: drawSeedSchema,
    algorithm: drawAlgorithmSchema,
    inputHashes: drawInputHashesSchema,
    result: drawResultSchema,
    resultHash: sha256Schema,
    drawnBy: idSchema,
    /** Stamped by the server when it runs the draw. */
    drawnAt: timestampSchema,
    /** Set on a redraw: the draw of the same period it replaces, and why. */
    redraw: z.object({ of: idSchema, reason: nonEmpty(1000) }).nullable(),
  })
  .refine((d) => Date.parse(d.seed.recordedAt) <= Date.parse(d.drawnAt), {
    message: 'draw.seedAfterDraw',
    path: ['seed', 'recordedAt'],
  });
export type DrawRecord = z.infer<typeof drawRecordSchema>;

export type { ConflictPair, ExclusionReason } from './officer';
export type { TargetEntry } from './risk';
