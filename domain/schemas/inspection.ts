import { z } from 'zod';
import {
  blobRefSchema,
  idSchema,
  nonEmpty,
  syncFields,
  textSchema,
  timestampSchema,
} from './common';
import { gradingSnapshotSchema } from './grading-snapshot';
import { serviceReceiptSchema } from './service-receipt';

export const inspectionKinds = ['routine', 'special', 'joint', 'reinspection'] as const;
export const inspectionKindSchema = z.enum(inspectionKinds);

export const itemResultSchema = z.object({
  itemId: textSchema().min(1).max(64),
  result: z.enum(['pass', 'fail', 'na']),
  note: textSchema().max(2000),
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const signatureSchema = z.object({
  role: z.enum(['lead', 'co', 'enterprise']),
  /** The signing officer; null for the enterprise's representative. */
  userId: idSchema.nullable(),
  name: nonEmpty(50),
  image: blobRefSchema,
  signedAt: timestampSchema,
});
export type Signature = z.infer<typeof signatureSchema>;

export const reviewSchema = z.object({
  status: z.enum(['pending', 'approved', 'returned']),
  comment: textSchema().max(2000),
  reviewerId: idSchema.nullable(),
  reviewedAt: timestampSchema.nullable(),
  /**
   * On a pending review that keeps an earlier decision's comment, reviewer and time: the decision
   * an amendment sent back to review. Absent on a resubmitted returned inspection (and on records
   * made before approvals were reopened), which reads as `returned`.
   */
  reopenedFrom: z.enum(['approved', 'returned']).optional(),
});
export type Review = z.infer<typeof reviewSchema>;

/** One field an amendment changed, before and after as readable text (null: it had none). */
export const amendmentChangeSchema = z.object({
  field: textSchema().min(1).max(64),
  before: textSchema().max(4000).nullable(),
  after: textSchema().max(4000),
});
export type AmendmentChange = z.infer<typeof amendmentChangeSchema>;

export const amendmentSchema = z.object({
  /** The device's time of the amendment; also its identifier, which a hazard's amendedAt names. */
  at: timestampSchema,
  /**
   * When the server received it, set by the server whatever the device sent; absent on
   * amendments not yet synced and on those recorded before the server stamped them.
   */
  recordedAt: timestampSchema.optional(),
  by: idSchema,
  reason: nonEmpty(1000),
  /** The hazard the amendment corrected or added; absent when it changed the inspection itself. */
  findingId: idSchema.optional(),
  /** That hazard's title after the amendment, so the history names it without the record. */
  findingTitle: textSchema().max(200).optional(),
  /** True when the amendment added the hazard to the submitted inspection. */
  findingAdded: z.boolean().optional(),
  /** What changed, field by field; absent on amendments recorded before changes were kept. */
  changes: z.array(amendmentChangeSchema).max(20).optional(),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const inspectionSchema = z.object({
  ...syncFields,
  enterpriseId: idSchema,
  templateId: idSchema,
  templateVersion: z.number().int().nonnegative(),
  /**
   * Every checklist template the inspection uses, in order (a joint inspection combines several
   * agencies' lists); the first is also in templateId/templateVersion. Absent on records made
   * before joint inspections: then templateId/templateVersion is the only one.
   */
  templateRefs: z
    .array(z.object({ id: idSchema, version: z.number().int().nonnegative() }))
    .min(1)
    .max(10)
    .optional(),
  kind: inspectionKindSchema,
  agencyIds: z.array(idSchema).min(1).max(10),
  leadInspectorId: idSchema,
  coInspectorIds: z.array(idSchema).max(10),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  location: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      accuracyM: z.number().nonnegative().nullable(),
    })
    .nullable(),
  itemResults: z.array(itemResultSchema).max(2000),
  enterpriseRep: z.object({ name: textSchema().max(50), title: textSchema().max(50) }).nullable(),
  signatures: z.array(signatureSchema).max(20),
  refusedToSign: z.object({ reason: nonEmpty(500) }).nullable(),
  status: z.enum(['draft', 'submitted']),
  review: reviewSchema,
  amendments: z.array(amendmentSchema).max(200),
  /** The task (a drawn visit) the inspection was started from; absent or null when none. */
  taskId: idSchema.nullable().optional(),
  /**
   * How its documents were served on the enterprise (送达回证), each document at most once.
   * Absent on records made before receipts were kept.
   */
  serviceReceipts: z
    .array(serviceReceiptSchema)
    .max(3)
    .refine((list) => new Set(list.map((r) => r.document)).size === list.length, {
      message: 'receipt.documentOnce',
    })
    .optional(),
  /**
   * The enterprise's GB 18218 grading when the inspection was submitted, which its printed record
   * shows. Absent on drafts, re-inspection visits, and records submitted before it was kept.
   */
  gradingSnapshot: gradingSnapshotSchema.optional(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
