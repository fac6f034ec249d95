// Why the server refuses a mutation, said so that the app can put it in the user's language: a
// code, its parameters, and the English sentence every other reader (logs, scripts) gets. The
// app translates the codes it knows and shows the English sentence for any other.
import { z } from 'zod';

export const REFUSAL_TEXTS = {
  outsideJurisdiction: 'the enterprise of this {{entity}} is outside your jurisdiction',
  unknownEnterprise: 'enterpriseId names no enterprise the server knows',
  unknownInspection: 'inspectionId names no inspection the server knows',
  enterpriseMismatch: "enterpriseId must be the enterprise of the finding's inspection",
  submittedLocked:
    'the inspection of this hazard has been submitted: change the hazard by an amendment with a reason',
  adminOnly: 'only an administrator may change {{entity}} records',
  notYourInspection: 'you may change only inspections you lead or co-sign',
  mustTakePart: 'you must be the lead inspector or a co-inspector of this inspection',
  notYourFinding: 'you may change only findings of inspections you lead or co-sign',
  newReviewPending: 'a new inspection starts with its review pending',
  reviewBySupervisor: 'only a supervisor or an administrator may approve or return an inspection',
  resubmitOnly:
    "an inspector may change an inspection's review only to resubmit it after it was returned (returned to pending, with the supervisor's comment kept)",
  resubmitSubmitted: 'only a submitted inspection is resubmitted for review',
  rectificationOnly:
    'only the rectification state of a finding (status, deadline, rectification, verification, history) may change here, not {{fields}}',
  deadlineNeedsFailedReinspection:
    'the deadline of a finding changes here only with a failed re-inspection',
  closeNeedsPassedReinspection: 'a finding closes only with a passed re-inspection',
  verifierMustBeYou: 'a verification must name you as the verifying officer',
  verificationVisit:
    'a verification must name a re-inspection of this enterprise that you lead or co-sign',
  supervisorCreates: 'a supervisor may not create {{entity}} records',
  supervisorReviewOnly: 'a supervisor may change only the review of an inspection, not {{fields}}',
  nothingToDelete: 'there is no {{entity}} {{id}} to delete',
  dataRequired: 'data is required for an upsert',
  idMismatch: "data.id must be the mutation's id",
  invalid: 'invalid {{entity}}: {{issues}}',
  invalidMerged: "merged with the server's copy, the {{entity}} is invalid: {{issues}}",
  usernameTaken: 'data.username is already taken by another user',
  unknownAgency: 'agencyId names no agency the server knows',
  storeFailed:
    'the server could not store this change and applied nothing of it; the other changes of the sync were applied',
} as const;

export type RefusalCode = keyof typeof REFUSAL_TEXTS;

/** The longest a refusal's parameter may be (a list of a record's wrong fields is cut there). */
export const MAX_REFUSAL_PARAM = 2000;

/**
 * As sent with a refused mutation. The code stays a plain string here, so that an app older than
 * the server still reads answers carrying a code it does not know.
 */
export const refusalSchema = z.object({
  code: z.string().min(1).max(100),
  params: z.record(z.string(), z.string().max(MAX_REFUSAL_PARAM)).optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

export function refusal(code: RefusalCode, params?: Record<string, string>): Refusal {
  return params ? { code, params } : { code };
}

/** The refusal's template with its parameters filled in. */
function fillRefusal(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** The English sentence of a refusal the server makes. */
export function refusalText({ code, params }: Refusal): string {
  const template = (REFUSAL_TEXTS as Record<string, string>)[code];
  return template === undefined ? code : fillRefusal(template, params);
}
