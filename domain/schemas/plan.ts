// An agency's annual supervision and inspection plan (年度监督检查计划). Each version is a record
// of its own: a draft may be edited until a supervisor approves it, and an approved version is
// never changed; a change after approval is the next revision, a new draft that names the
// version it revises and why. The rules of that lifecycle are in rules/plan-versions.ts.
import { z } from 'zod';
import { riskClasses } from './risk';
import { idSchema, nonEmpty, syncFields, timestampSchema } from './common';

export const periodKinds = ['year', 'half', 'quarter', 'month'] as const;
export const periodKindSchema = z.enum(periodKinds);
export type PeriodKind = z.infer<typeof periodKindSchema>;

/** The keys of a year's periods of a kind, in order: Y; H1 H2; Q1–Q4; M01–M12. */
export function periodKeysOf(kind: PeriodKind): string[] {
  switch (kind) {
    case 'year':
      return ['Y'];
    case 'half':
      return ['H1', 'H2'];
    case 'quarter':
      return ['Q1', 'Q2', 'Q3', 'Q4'];
    case 'month':
      return Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
  }
}

export const periodKeySchema = z.string().regex(/^(Y|H[12]|Q[1-4]|M(0[1-9]|1[0-2]))$/, {
  message: 'plan.periodInvalid',
});

/** A share in basis points: 10000 is every enterprise of the class, 250 is 2.5 %. */
export const shareBpSchema = z.number().int().min(0).max(10_000);

/** The share of each class's enterprises to draw (差异化抽查比例). */
export const classSharesSchema = z.object({
  major: shareBpSchema,
  considerable: shareBpSchema,
  general: shareBpSchema,
  low: shareBpSchema,
});
export type ClassShares = z.infer<typeof classSharesSchema>;

export const periodSharesSchema = z.object({
  period: periodKeySchema,
  shares: classSharesSchema,
});
export type PeriodShares = z.infer<typeof periodSharesSchema>;

/** Inspections a year of each major hazard source, by its GB 18218 level (0: none required). */
const perYear = z.number().int().min(0).max(12);
export const keyInspectionsSchema = z.object({ 1: perYear, 2: perYear, 3: perYear, 4: perYear });
export type KeyInspections = z.infer<typeof keyInspectionsSchema>;

export const planStatuses = ['draft', 'approved'] as const;
export const planStatusSchema = z.enum(planStatuses);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const planApprovalSchema = z.object({
  by: idSchema,
  /** Stamped by the server when the approval reaches it. */
  at: timestampSchema,
});

export const planSchema = z
  .object({
    ...syncFields,
    agencyId: idSchema,
    year: z.number().int().min(2000).max(2100),
    /** 1 for the first version of the agency's plan for the year, then 2, 3, … */
    revision: z.number().int().min(1).max(999),
    /** The approved version this one revises; null for revision 1. */
    previousRevisionId: idSchema.nullable(),
    /** Why the approved plan is changed; null for revision 1. */
    revisionReason: nonEmpty(1000).nullable(),
    title: nonEmpty(200),
    status: planStatusSchema,
    /** Who approved the version and when; null while a draft. */
    approval: planApprovalSchema.nullable(),
    keyInspectionsPerYear: keyInspectionsSchema,
    periodKind: periodKindSchema,
    /** One entry per period of the kind, in order. */
    shares: z.array(periodSharesSchema).max(12),
  })
  .superRefine((plan, ctx) => {
    if ((plan.status === 'approved') !== (plan.approval !== null)) {
      ctx.addIssue({ code: 'custom', message: 'plan.approvalMismatch', path: ['approval'] });
    }
    if (plan.revision === 1 && plan.previousRevisionId !== null) {
      ctx.addIssue({
        code: 'custom',
        message: 'plan.firstHasNoPrevious',
        path: ['previousRevisionId'],
      });
    }
    if (plan.revision > 1 && plan.previousRevisionId === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'plan.previousRequired',
        path: ['previousRevisionId'],
      });
    }
    if (plan.revision > 1 && plan.revisionReason === null) {
      ctx.addIssue({ code: 'custom', message: 'plan.reasonRequired', path: ['revisionReason'] });
    }
    const keys = periodKeysOf(plan.periodKind);
    if (plan.shares.map((s) => s.period).join() !== keys.join()) {
      ctx.addIssue({ code: 'custom', message: 'plan.periodsMismatch', path: ['shares'] });
    }
    // An enterprise is drawn at most once a year (rules/draw-enterprises.ts), so shares over a
    // year that add up to more than every enterprise of a class could never be met.
    for (const c of riskClasses) {
      const total = plan.shares.reduce((sum, s) => sum + s.shares[c], 0);
      if (total > 10_000) {
        ctx.addIssue({ code: 'custom', message: 'plan.sharesOverYear', path: ['shares', c] });
      }
    }
  });
export type Plan = z.infer<typeof planSchema>;
