// What a device sends to the server to override an enterprise's risk class in its agency's
// inspection-target list (检查对象名录库), and what the server answers with the list: each
// enterprise of the caller's towns with the factors of its computed class and the override in
// force. Overrides are held by the server (routes /target-list and /risk-overrides), never synced.
import { z } from 'zod';
import { dateSchema, idSchema, nonEmpty, townCodeSchema } from './common';
import { riskClassSchema, riskOverrideSchema } from './risk';
import { trackSchema } from './enterprise';

/**
 * A supervisor's override. `computedClass` is the class the supervisor saw computed: the server
 * refuses the override when its own computation differs (the factors changed since), so that no
 * one overrides a class they have not seen.
 */
export const riskOverrideRequestSchema = z.strictObject({
  enterpriseId: idSchema,
  riskClass: riskClassSchema,
  computedClass: riskClassSchema,
  reason: nonEmpty(1000),
});
export type RiskOverrideRequest = z.infer<typeof riskOverrideRequestSchema>;

const levelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const points = z.number().int().min(0);

/** The factors of rules/risk-class.ts as the answer carries them. */
export const riskFactorSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('majorHazardSource'),
    level: levelSchema.nullable(),
    R: z.number().nullable(),
    points,
    floor: riskClassSchema.nullable(),
  }),
  z.object({
    code: z.literal('openMajorHazards'),
    count: z.number().int(),
    points,
    floor: z.null(),
  }),
  z.object({
    code: z.literal('overdueMajorHazards'),
    count: z.number().int(),
    points,
    floor: riskClassSchema.nullable(),
  }),
  z.object({
    code: z.literal('rectificationRecord'),
    due: z.number().int(),
    closedOnTime: z.number().int(),
    onTimeShare: z.number().nullable(),
    windowFrom: dateSchema,
    points,
    floor: z.null(),
  }),
  z.object({
    code: z.literal('overdueMilestones'),
    count: z.number().int(),
    points,
    floor: z.null(),
  }),
  z.object({ code: z.literal('shutdownTrack'), track: trackSchema, points, floor: z.null() }),
]);

export const targetRowSchema = z.object({
  enterpriseId: idSchema,
  name: z.string(),
  town: townCodeSchema,
  majorHazardLevel: levelSchema.nullable(),
  factors: z.array(riskFactorSchema),
  score: z.number().int(),
  computedClass: riskClassSchema,
  /** The class a draw uses: the override's when there is one. */
  riskClass: riskClassSchema,
  override: riskOverrideSchema.nullable(),
});
export type TargetRow = z.infer<typeof targetRowSchema>;

export const targetListAnswerSchema = z.object({
  agencyId: idSchema,
  /** The China date the classes were computed on. */
  asOf: dateSchema,
  rows: z.array(targetRowSchema),
  /** Every override of the agency's list in the caller's towns: in force, withdrawn, replaced. */
  overrides: z.array(
    z.object({
      override: riskOverrideSchema,
      /** Who withdrew it or replaced it by a new override; null while it is in force. */
      withdrawnBy: idSchema.nullable(),
    }),
  ),
});
export type TargetListAnswer = z.infer<typeof targetListAnswerSchema>;

export const riskOverrideAnswerSchema = z.object({ override: riskOverrideSchema });
