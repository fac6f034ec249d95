import { z } from 'zod';
import { dateSchema, idSchema, nonEmpty, syncFields, textSchema, timestampSchema } from './common';
import { photoRefSchema } from './photo-evidence';
import { serviceReceiptSchema } from './service-receipt';

export const findingCategories = [
  'chemical_storage',
  'process_safety',
  'fire',
  'electrical',
  'special_operations',
  'wastewater',
  'waste_gas',
  'hazardous_waste',
  'emergency_response',
  'management',
  'other',
] as const;
export const findingCategorySchema = z.enum(findingCategories);
export type FindingCategory = z.infer<typeof findingCategorySchema>;

export const gradeSchema = z.enum(['general', 'major']);
export type Grade = z.infer<typeof gradeSchema>;

/** Stored status; `overdue` is derived from `deadline` and never stored. */
export const findingStatusSchema = z.enum(['open', 'rectified', 'closed']);
export type FindingStatus = z.infer<typeof findingStatusSchema>;

export const verificationSchema = z.object({
  inspectionId: idSchema,
  verifiedBy: idSchema,
  verifiedAt: timestampSchema,
  result: z.enum(['passed', 'failed']),
  photos: z.array(photoRefSchema).max(20),
  /** What the re-inspecting officer wrote; absent on verifications recorded before notes. */
  note: textSchema().trim().max(2000).optional(),
  /**
   * The officers of the re-inspection visit (its lead first, then its co-inspectors) when it was
   * recorded; absent on verifications recorded before officers were kept.
   */
  officerIds: z.array(idSchema).min(1).max(11).optional(),
});
export type Verification = z.infer<typeof verificationSchema>;

/** The enterprise's report that it has put a hazard right, as the bureau recorded it. */
export const rectificationReportSchema = z.object({
  /** The day the enterprise reported (its written report's date). */
  reportedOn: dateSchema,
  note: textSchema().trim().max(2000),
  recordedBy: idSchema,
  recordedAt: timestampSchema,
});
export type RectificationReport = z.infer<typeof rectificationReportSchema>;

/** A supervisor's decision on a request for more time: granted with a new deadline, or refused. */
export const extensionDecisionSchema = z.discriminatedUnion('result', [
  z.object({
    result: z.literal('granted'),
    /** The deadline granted: may differ from the one asked. */
    newDeadline: dateSchema,
    comment: textSchema().trim().max(2000),
    decidedBy: idSchema,
    /** Stamped by the server when the decision reaches it. */
    decidedAt: timestampSchema,
  }),
  z.object({
    result: z.literal('refused'),
    /** Why not: a refusal always says. */
    comment: nonEmpty(2000),
    decidedBy: idSchema,
    decidedAt: timestampSchema,
  }),
]);
export type ExtensionDecision = z.infer<typeof extensionDecisionSchema>;

/** The enterprise's request for a later deadline (延期整改申请), as the bureau recorded it. */
export const extensionRequestSchema = z.object({
  id: idSchema,
  /** The day the enterprise asked (its written request's date). */
  requestedOn: dateSchema,
  reason: nonEmpty(2000),
  /** The deadline the enterprise asks for. */
  requestedDeadline: dateSchema,
  recordedBy: idSchema,
  /** Stamped by the server when the request reaches it. */
  recordedAt: timestampSchema,
  /** Null until a supervisor decides. */
  decision: extensionDecisionSchema.nullable(),
  /**
   * How a granted decision (延期整改审批表, document 'extension') was served on the enterprise:
   * kept with the request it decides, at most once, never replaced. Absent until served.
   */
  serviceReceipt: serviceReceiptSchema.optional(),
});
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

/**
 * One step of a hazard's rectification, kept in order so that a failed re-inspection followed by
 * a passed one keeps both (the `verification` field holds only the latest).
 */
export const findingEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rectificationReported'),
    report: rectificationReportSchema,
  }),
  z.object({
    kind: z.literal('reinspected'),
    verification: verificationSchema,
    /** The deadline the re-inspection judged against. */
    deadlineBefore: dateSchema,
    /** The new deadline a failed re-inspection set; null when it passed. */
    newDeadline: dateSchema.nullable(),
  }),
  // Extension steps name their request in `extensions`, which holds what was asked and decided.
  z.object({
    kind: z.literal('extensionRequested'),
    extensionId: idSchema,
  }),
  z.object({
    kind: z.literal('extensionDecided'),
    extensionId: idSchema,
    /** The deadline when the decision was made (a grant replaced it). */
    deadlineBefore: dateSchema,
  }),
]);
export type FindingEvent = z.infer<typeof findingEventSchema>;

export const findingSchema = z.object({
  ...syncFields,
  inspectionId: idSchema,
  enterpriseId: idSchema,
  itemId: textSchema().min(1).max(64).nullable(),
  title: nonEmpty(200),
  description: textSchema().trim().max(4000),
  category: findingCategorySchema,
  grade: gradeSchema,
  legalBasis: nonEmpty(500),
  requirement: nonEmpty(2000),
  deadline: dateSchema,
  responsiblePerson: nonEmpty(50),
  photos: z.array(photoRefSchema).max(20),
  status: findingStatusSchema,
  verification: verificationSchema.nullable(),
  /** The latest report of rectification; absent on records made before reports were kept. */
  rectification: rectificationReportSchema.nullable().optional(),
  /**
   * Every report, re-inspection and extension step, oldest first; absent on records made before
   * it was kept. It only grows: earlier steps are never changed.
   */
  history: z.array(findingEventSchema).max(100).optional(),
  /** Requests for more time and their decisions, oldest first; absent until the first request. */
  extensions: z.array(extensionRequestSchema).max(20).optional(),
  /**
   * When the hazard's inspection was submitted before it: the time (`at`) of the amendment that
   * made the hazard what it is. Each change of such a hazard names an amendment of its own.
   */
  amendedAt: timestampSchema.optional(),
});
export type Finding = z.infer<typeof findingSchema>;
