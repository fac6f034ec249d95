import { z } from 'zod';
import { agencyKindSchema } from './agency';
import { nonEmpty, syncFields } from './common';

export const templateItemSchema = z.object({
  /** Stable within a template across its versions, so results can be compared. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { message: 'itemId.invalid' }),
  text: nonEmpty(500),
  legalBasis: nonEmpty(500),
  /** Number (1–20) of the 2017 major-accident-hazard criterion this item checks, if any. */
  majorCriterion: z.number().int().min(1).max(20).optional(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateSectionSchema = z.object({
  title: nonEmpty(200),
  items: z.array(templateItemSchema).min(1).max(200),
});

/**
 * A checklist template published from HQ. Its `version` is the server-assigned record version:
 * each publication of new content gets a new one, and the record's history keeps the old
 * content, so an inspection's `templateVersion` always names the exact checklist it used.
 */
export const templateSchema = z.object({
  ...syncFields,
  agencyKind: agencyKindSchema,
  title: nonEmpty(200),
  sections: z.array(templateSectionSchema).min(1).max(50),
  /**
   * Statutory content the server ships with (the twenty major-hazard criteria of 2017): read-only
   * for everyone; a bureau copies it to make a checklist of its own.
   */
  builtIn: z.boolean().optional(),
});
export type ChecklistTemplate = z.infer<typeof templateSchema>;
