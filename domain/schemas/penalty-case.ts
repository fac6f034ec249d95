// An administrative penalty case (行政处罚案件) as the HQ server holds it: what it was opened
// from, the supervisor's approval to open it (立案), its stages in order with who did what when
// and by which day each was due, the evidence linked to it, the documents it issued with their
// official numbers, and the amendments recorded after it was closed. Only the server writes it
// (server/src/cases/); devices read it through /api/v1/cases.
import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  nonEmpty,
  sha256Schema,
  textSchema,
  timestampSchema,
} from './common';
import { serviceReceiptSchema } from './service-receipt';

/**
 * What a case may be opened from: a major hazard still not closed past its deadline, a hazard
 * whose re-inspection failed, or an inspection the enterprise refused (recorded as its refusal
 * to sign the inspection record).
 */
export const caseOrigins = [
  'overdueMajorHazard',
  'failedReinspection',
  'refusedInspection',
] as const;
export const caseOriginKindSchema = z.enum(caseOrigins);
export type CaseOriginKind = z.infer<typeof caseOriginKindSchema>;

/** 立案, 调查取证, 告知, 听证 (only when the party asks for one), 决定, 执行, 结案. */
export const caseStages = [
  'filing',
  'investigation',
  'notice',
  'hearing',
  'decision',
  'execution',
  'closing',
] as const;
export const caseStageSchema = z.enum(caseStages);
export type CaseStage = z.infer<typeof caseStageSchema>;

/** pending: waiting for a supervisor's approval; refused: not opened; open; closed (结案). */
export const caseStatusSchema = z.enum(['pending', 'refused', 'open', 'closed']);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

export const caseStepSchema = z.object({
  stage: caseStageSchema,
  startedAt: timestampSchema,
  startedBy: idSchema,
  /** The last day (China time) the stage may take, by its statutory time limit. */
  dueOn: dateSchema,
  completedAt: timestampSchema.nullable(),
  completedBy: idSchema.nullable(),
  /** What the officer wrote when completing it (or, for 听证, who asked for the hearing). */
  note: textSchema().trim().max(2000),
});
export type CaseStep = z.infer<typeof caseStepSchema>;

export const evidenceKinds = ['inspection', 'finding', 'photo', 'document'] as const;
export const evidenceRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inspection'), id: idSchema }),
  z.object({ kind: z.literal('finding'), id: idSchema }),
  z.object({ kind: z.literal('document'), id: idSchema }),
  z.object({ kind: z.literal('photo'), sha256: sha256Schema }),
]);
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const caseEvidenceSchema = z.object({
  ref: evidenceRefSchema,
  addedBy: idSchema,
  addedAt: timestampSchema,
});

export const caseDocumentKinds = ['caseFiling', 'penaltyNotice', 'penaltyDecision'] as const;
export const caseDocumentKindSchema = z.enum(caseDocumentKinds);
export type CaseDocumentKind = z.infer<typeof caseDocumentKindSchema>;

export const caseDocumentSchema = z.object({
  kind: caseDocumentKindSchema,
  documentId: idSchema,
  number: nonEmpty(100),
  issuedOn: dateSchema,
});

export const caseAmendmentSchema = z.object({
  at: timestampSchema,
  by: idSchema,
  reason: nonEmpty(500),
  note: textSchema().trim().max(2000),
  /** Evidence the amendment linked, if any. */
  evidence: evidenceRefSchema.nullable(),
});

export const penaltyCaseSchema = z.object({
  id: idSchema,
  /** Bumped by every change: a write names the version it was made on. */
  version: z.number().int().positive(),
  agencyId: idSchema,
  enterpriseId: idSchema,
  /** The enterprise's town, which decides who may see and work on the case. */
  town: z.string(),
  origin: z.object({
    kind: caseOriginKindSchema,
    /** The hazard (overdue, failed re-inspection) or inspection (refused) it was opened from. */
    recordId: idSchema,
    /** The inspection that recorded it: its documents' register entries name it. */
    inspectionId: idSchema,
  }),
  /** 案由: what the case is about. */
  summary: nonEmpty(500),
  status: caseStatusSchema,
  /** The case number: its filing form's official number, given when a supervisor approves it. */
  number: z.string().nullable(),
  openedBy: idSchema,
  openedAt: timestampSchema,
  /**
   * The handling officers (承办人员): who applied for the case and the officers of its agency on
   * the inspection it comes from, fixed when it is opened. Absent on cases opened before it was
   * kept: their handler is who opened them (penalty-stages.ts `handlersOf`).
   */
  handlers: z.array(idSchema).min(1).max(20).optional(),
  approval: z
    .object({
      approved: z.boolean(),
      by: idSchema,
      at: timestampSchema,
      comment: textSchema().trim().max(2000),
    })
    .nullable(),
  steps: z.array(caseStepSchema),
  evidence: z.array(caseEvidenceSchema),
  documents: z.array(caseDocumentSchema),
  amendments: z.array(caseAmendmentSchema),
  /**
   * How the notice and the decision were served on the enterprise (送达回证), each at most once
   * and never replaced. Absent on cases stored before receipts were kept.
   */
  serviceReceipts: z
    .array(serviceReceiptSchema)
    .max(2)
    .refine((list) => new Set(list.map((r) => r.document)).size === list.length, {
      message: 'receipt.documentOnce',
    })
    .optional(),
});
export type PenaltyCase = z.infer<typeof penaltyCaseSchema>;
