import { z } from 'zod';
import { agencyKindSchema } from './agency';
import { idSchema, nonEmpty, syncFields, timestampSchema } from './common';

export const templateItemSchema = z.object({
  /** Stable within a template across its versions, so results can be compared. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, { message: 'itemId.invalid' }),
  text: nonEmpty(500),
  legalBasis: nonEmpty(500),
  /** Number (1–20) of the 2017 major-accident-hazard criterion this item checks, if any. */
  majorCriterion: z.number().int().min(1).max(20).optional(),
  /**
   * The defect as a hazard names it when the item fails (e.g. 未设置可燃气体报警装置): the
   * hazard's title. Absent: the title is made from the item's text.
   */
  defectText: nonEmpty(200).optional(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateSectionSchema = z.object({
  title: nonEmpty(200),
  items: z.array(templateItemSchema).min(1).max(200),
});

export const templateStatuses = ['published', 'retired'] as const;

/**
 * A checklist template published from HQ. Each publication is a record of its own whose content
 * never changes again (only its status, when retired), so an inspection that names a template's
 * id keeps the exact checklist it began with, on the device and on the server, whatever is
 * published later. The versions of one checklist share a `lineageId` and count up in `edition`.
 * Drafts are not records: they stay on the server until published.
 */
export const templateSchema = z.object({
  ...syncFields,
  agencyKind: agencyKindSchema,
  title: nonEmpty(200),
  sections: z.array(templateSectionSchema).min(1).max(50),
  /** The checklist this is a version of (its first version's id); absent: its own id. */
  lineageId: idSchema.optional(),
  /** Which publication of its checklist this is, from 1; absent: 1. */
  edition: z.number().int().min(1).optional(),
  /** Retired: no longer offered for new inspections; absent: published. */
  status: z.enum(templateStatuses).optional(),
  /** Statutory content shipped with every installation: read-only, copied to make one's own. */
  builtIn: z.boolean().optional(),
  /** When this version was published (the server's time). */
  publishedAt: timestampSchema.optional(),
});
export type ChecklistTemplate = z.infer<typeof templateSchema>;

/** The content of a template that an administrator edits in a draft. */
export const templateContentSchema = z.strictObject({
  agencyKind: agencyKindSchema,
  title: nonEmpty(200),
  sections: z.array(templateSectionSchema.strict()).min(1).max(50),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;
