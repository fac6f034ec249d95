// Answers of the administration API for checklist templates and the enterprise registry: template
// drafts, the differences between two versions and the import preview. The server answers these
// shapes and the app's administration client parses them, so both sides keep one definition.
import { z } from 'zod';
import { idSchema, timestampSchema } from './common';
import { enterpriseSchema } from './enterprise';
import { templateContentSchema, templateItemSchema, templateSchema } from './template';

/** A checklist's next version (or a new checklist), kept on the server until published. */
export const templateDraftSchema = z.object({
  id: idSchema,
  /** The checklist it will publish the next version of; null for a new checklist (a copy). */
  lineageId: idSchema.nullable(),
  /** The published version it started from. */
  basedOn: idSchema.nullable(),
  /** Counts its edits: an edit or publication names the revision it saw. */
  revision: z.number().int().positive(),
  content: templateContentSchema,
  createdBy: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type TemplateDraft = z.infer<typeof templateDraftSchema>;

const fieldChange = z.object({
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
});
const placedItem = z.object({ section: z.string(), item: templateItemSchema });

/** What changed between two versions of a checklist (domain/rules/template-versions.ts). */
export const templateDiffSchema = z.object({
  title: z.object({ before: z.string(), after: z.string() }).optional(),
  agencyKind: z.object({ before: z.string(), after: z.string() }).optional(),
  sectionsAdded: z.array(z.string()),
  sectionsRemoved: z.array(z.string()),
  itemsAdded: z.array(placedItem),
  itemsRemoved: z.array(placedItem),
  itemsChanged: z.array(
    z.object({
      itemId: z.string(),
      fields: z.object({
        text: fieldChange.optional(),
        legalBasis: fieldChange.optional(),
        majorCriterion: fieldChange.optional(),
        defectText: fieldChange.optional(),
      }),
      moved: z.object({ from: z.string(), to: z.string() }).optional(),
    }),
  ),
  same: z.boolean(),
});

export const draftListResponseSchema = z.object({ drafts: z.array(templateDraftSchema) });
export const draftResponseSchema = z.object({ draft: templateDraftSchema });
export const templateResponseSchema = z.object({ template: templateSchema });
export const diffResponseSchema = z.object({ diff: templateDiffSchema });
export const enterpriseResponseSchema = z.object({ enterprise: enterpriseSchema });

/** Why a row (or the file, column null) cannot be imported, with the server's English message. */
export const importProblemSchema = z.object({
  /** The worksheet and its row, where the problem is on another sheet than the enterprise's row. */
  sheet: z.string().optional(),
  row: z.number().int().positive().optional(),
  column: z.string().nullable(),
  /** A stable key the app translates; `params` fill it in. */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importRowSchema = z.object({
  /** The row's number in the file (the heading row is row 1). */
  row: z.number().int().positive(),
  creditCode: z.string(),
  name: z.string(),
  action: z.enum(['create', 'update', 'unchanged', 'invalid']),
  changedFields: z.array(z.string()),
  problems: z.array(importProblemSchema),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** What an import would do (the preview), or did (a confirmed import), or why it was refused. */
export const importPreviewSchema = z.object({
  fileProblems: z.array(importProblemSchema),
  ignoredColumns: z.array(z.string()),
  rows: z.array(importRowSchema),
  counts: z.object({
    rows: z.number().int().nonnegative(),
    create: z.number().int().nonnegative(),
    update: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    invalid: z.number().int().nonnegative(),
  }),
  /** Nothing bad anywhere: the import may be confirmed. */
  ok: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResponseSchema = z.object({ preview: importPreviewSchema });
/** A refused import (422 import_invalid) answers the preview beside its message. */
export const importRefusalSchema = z.object({
  error: z.literal('import_invalid'),
  message: z.string(),
  preview: importPreviewSchema,
});
