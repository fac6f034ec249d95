// An enterprise's risk class in the inspection-target list (检查对象名录库), and a supervisor's
// override of the computed class. The computation itself is in rules/risk-class.ts.
import { z } from 'zod';
import { idSchema, nonEmpty, syncFields, timestampSchema } from './common';

/**
 * The four grades of safety risk that bureaus use for differentiated supervision, from the most
 * severe: 重大风险 (red), 较大风险 (orange), 一般风险 (yellow), 低风险 (blue). Four grades, most
 * severe first, is the grading bureaus and enterprises already share for safety risk (the
 * red-orange-yellow-blue scheme of the dual prevention mechanism, 双重预防机制), and it has the
 * same shape as the credit-risk grades A–D that set random-inspection shares elsewhere, so a
 * plan's share per class reads as the bureaus write it.
 */
export const riskClasses = ['major', 'considerable', 'general', 'low'] as const;
export const riskClassSchema = z.enum(riskClasses);
export type RiskClass = z.infer<typeof riskClassSchema>;

/** 0 for the most severe class: a lower rank is a higher risk. */
export const riskRank = (c: RiskClass): number => riskClasses.indexOf(c);

/**
 * A supervisor's decision that an enterprise's risk class for their agency is not the computed
 * one. It stands until a later override of the same enterprise and agency replaces it or it is
 * withdrawn (deleted); the computed class it overrode is kept so that a screen can show both.
 */
export const riskOverrideSchema = z.object({
  ...syncFields,
  enterpriseId: idSchema,
  /** The agency whose target list the override applies to. */
  agencyId: idSchema,
  riskClass: riskClassSchema,
  /** The class computed from the factors when the supervisor decided. */
  computedClass: riskClassSchema,
  reason: nonEmpty(1000),
  decidedBy: idSchema,
  /** Stamped by the server when the override reaches it. */
  decidedAt: timestampSchema,
});
export type RiskOverride = z.infer<typeof riskOverrideSchema>;

/** One enterprise of the inspection-target list (检查对象名录库) as a draw reads it. */
export const targetEntrySchema = z.object({
  enterpriseId: idSchema,
  /** The class in force: computed, or a supervisor's override. */
  riskClass: riskClassSchema,
  /** Its GB 18218 level when a major hazard source (the plan's key inspections follow it). */
  majorHazardLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
});
export type TargetEntry = z.infer<typeof targetEntrySchema>;
