// An official document number the server registered (文书登记): which document of which
// inspection it numbers, in whose register, and when the document was issued. Written by the
// server only, in the push that first brought the issuing record; devices pull it and print it.
import { z } from 'zod';
import { dateSchema, idSchema, nonEmpty, syncFields } from './common';

/**
 * 现场检查记录, 责令限期整改指令书, 整改复查意见书, and a penalty case's 立案审批表, 行政处罚告知书
 * and 行政处罚决定书, and a granted extension's 延期整改审批表 (as domain/rules/document-number.ts
 * codes them).
 */
export const documentKinds = [
  'record',
  'order',
  'reinspection',
  'caseFiling',
  'penaltyNotice',
  'penaltyDecision',
  'extension',
] as const;
export const documentKindSchema = z.enum(documentKinds);

export const documentSchema = z.object({
  ...syncFields,
  kind: documentKindSchema,
  /**
   * The inspection that issues it: a site visit's record and order, a re-inspection visit's
   * opinion; for a penalty case's documents, the inspection the case was opened from.
   */
  inspectionId: idSchema,
  /** The penalty case that issues it (its filing form, notice or decision); absent otherwise. */
  caseId: idSchema.optional(),
  /** The hazard and its extension request whose grant it decides (延期整改); absent otherwise. */
  findingId: idSchema.optional(),
  extensionId: idSchema.optional(),
  enterpriseId: idSchema,
  /** The agency whose register numbers it: that of the inspection's lead (a joint one too). */
  agencyId: idSchema,
  /** The year of `issuedOn`: each agency numbers each kind from 1 every year. */
  year: z.number().int().min(2000).max(2999),
  sequence: z.number().int().positive(),
  /** The number as printed, e.g. 上虞应急检记〔2026〕第0001号. */
  number: nonEmpty(100),
  /** The day it was issued, in China time. */
  issuedOn: dateSchema,
  /** The inspection's officers when it was registered, lead first. */
  officerIds: z.array(idSchema).min(1).max(11),
});
export type RegisteredDocument = z.infer<typeof documentSchema>;
