// What a supervisor sends to the server to write an annual plan and to run a draw (the routes
// under /plans). The server fills in everything else: agency, revision, status, approval, times.
import { z } from 'zod';
import {
  keyInspectionsSchema,
  periodKeySchema,
  periodKindSchema,
  periodSharesSchema,
} from './plan';
import { idSchema, nonEmpty, textSchema } from './common';

/** The content of a draft that its writer decides. */
const planContent = {
  title: nonEmpty(200),
  keyInspectionsPerYear: keyInspectionsSchema,
  periodKind: periodKindSchema,
  shares: z.array(periodSharesSchema).max(12),
};

/** A new plan for a year: revision 1, a draft of the caller's agency. */
export const planCreateSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  ...planContent,
});
export type PlanCreate = z.infer<typeof planCreateSchema>;

/** An edit of a draft, made on the version the writer read (a newer one is refused). */
export const planEditSchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  ...planContent,
});
export type PlanEdit = z.infer<typeof planEditSchema>;

export const planApproveSchema = z.strictObject({ baseVersion: z.number().int().min(1) });

/** The next revision of an approved version, and why it is changed. */
export const planReviseSchema = z.strictObject({ reason: nonEmpty(1000) });

/**
 * A draw of one period of a plan. The idempotency key makes a request sent twice (a retry after a
 * lost answer) give the draw the first made, never a second draw.
 */
export const drawRequestSchema = z.strictObject({
  idempotencyKey: idSchema,
  periodKey: periodKeySchema,
  seed: z.discriminatedUnion('source', [
    z.strictObject({
      source: z.literal('public'),
      value: nonEmpty(200),
      /** Which published source and issue (a lottery draw, an index's close, …). */
      description: nonEmpty(500),
    }),
    /** The server generates 256 random bits and records them before it draws. */
    z.strictObject({ source: z.literal('generated'), description: textSchema().trim().max(500) }),
  ]),
  /** A joint draw (跨部门联合抽查) with this partner agency; null for the agency alone. */
  jointPartnerAgencyId: idSchema.nullable(),
  /** A redraw: the draw in force for the period that it replaces, and why. */
  redraw: z.strictObject({ of: idSchema, reason: nonEmpty(1000) }).nullable(),
});
export type DrawRequest = z.infer<typeof drawRequestSchema>;

/** An officer's conflict with an enterprise (回避), declared by the officer or their supervisor. */
export const conflictDeclareSchema = z.strictObject({
  officerId: idSchema,
  enterpriseId: idSchema,
  reason: nonEmpty(500),
});
export type ConflictDeclare = z.infer<typeof conflictDeclareSchema>;
