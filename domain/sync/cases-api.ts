// The HTTP shapes of penalty cases under /api/v1/cases: opening one, a supervisor's approval,
// moving it to its next stage, linking evidence, recording a service receipt, amending a closed case, and the list and counts
// its readers get. Every write names the case version it was made on.
import { z } from 'zod';
import { idSchema, nonEmpty, textSchema } from '../schemas/common';
import {
  caseOriginKindSchema,
  caseStageSchema,
  evidenceRefSchema,
  penaltyCaseSchema,
} from '../schemas/penalty-case';
import { serviceReceiptSchema } from '../schemas/service-receipt';

export const caseOpenRequestSchema = z.strictObject({
  origin: z.strictObject({ kind: caseOriginKindSchema, recordId: idSchema }),
  summary: nonEmpty(500),
});
export type CaseOpenRequest = z.infer<typeof caseOpenRequestSchema>;

const version = z.number().int().positive();

export const caseApprovalRequestSchema = z
  .strictObject({ version, approved: z.boolean(), comment: textSchema().trim().max(2000) })
  .refine((r) => r.approved || r.comment !== '', {
    message: 'a refusal says why (comment)',
    path: ['comment'],
  });
export type CaseApprovalRequest = z.infer<typeof caseApprovalRequestSchema>;

export const caseAdvanceRequestSchema = z.strictObject({
  version,
  to: caseStageSchema,
  /** What the officer writes on completing the current stage. */
  note: textSchema().trim().max(2000),
});
export type CaseAdvanceRequest = z.infer<typeof caseAdvanceRequestSchema>;

export const caseEvidenceRequestSchema = z.strictObject({ version, evidence: evidenceRefSchema });
export type CaseEvidenceRequest = z.infer<typeof caseEvidenceRequestSchema>;

export const caseAmendmentRequestSchema = z.strictObject({
  version,
  reason: nonEmpty(500),
  note: textSchema().trim().max(2000),
  evidence: evidenceRefSchema.nullable().default(null),
});
export type CaseAmendmentRequest = z.infer<typeof caseAmendmentRequestSchema>;

/**
 * A service receipt of a document the case issued: its signatures are uploaded first (PUT
 * /blobs/:sha256) and named here by their references.
 */
export const caseReceiptRequestSchema = z.strictObject({ version, receipt: serviceReceiptSchema });
export type CaseReceiptRequest = z.infer<typeof caseReceiptRequestSchema>;

export const caseListResponseSchema = z.object({
  /** Overdue stages first (domain/rules/penalty-stages.ts, byUrgency). */
  cases: z.array(penaltyCaseSchema),
  counts: z.object({
    pending: z.number().int().nonnegative(),
    open: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
  }),
});
export type CaseListResponse = z.infer<typeof caseListResponseSchema>;
