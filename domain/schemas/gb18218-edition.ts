// An edition of the GB 18218-2018 reference table as the server publishes it and devices pull it
// (entity `gb18218Edition`): the whole checked table, its revision, who published it, when and
// why. An edition is never changed once published; a correction is the next edition. The shipped
// table is edition 1 and is no record: a device or server with no published edition grades with it.
import { z } from 'zod';
import { gb18218TableSchema } from '../data/gb18218-table';
import { idSchema, nonEmpty, syncFields, timestampSchema } from './common';

export const editionReasonSchema = nonEmpty(500);

export const gb18218EditionSchema = z.object({
  ...syncFields,
  /** The table's `version.revision`: 2 for the first edition an administrator publishes. */
  revision: z.number().int().min(2),
  table: gb18218TableSchema,
  publishedBy: idSchema,
  publishedAt: timestampSchema,
  reason: editionReasonSchema,
});
export type Gb18218Edition = z.infer<typeof gb18218EditionSchema>;

/** An edition as the list of editions shows it: who, when and why, without the table. */
export const editionSummarySchema = z.object({
  revision: z.number().int().positive(),
  versionId: z.string(),
  label: z.string(),
  /** Null for the shipped edition. */
  publishedBy: idSchema.nullable(),
  publishedByName: z.string().nullable(),
  publishedAt: timestampSchema.nullable(),
  reason: z.string().nullable(),
});
export type EditionSummary = z.infer<typeof editionSummarySchema>;

/** The edition in force: its summary and the table. */
export const currentEditionResponseSchema = z.object({
  edition: editionSummarySchema,
  table: gb18218TableSchema,
});
export type CurrentEdition = z.infer<typeof currentEditionResponseSchema>;

export const editionListResponseSchema = z.object({ editions: z.array(editionSummarySchema) });

/**
 * A new edition as an administrator sends it: the revision it was edited from (refused unless it
 * is still the latest), the whole table and why. The table's `version` is the server's to set.
 */
export const publishEditionSchema = z.strictObject({
  baseRevision: z.number().int().positive(),
  table: z.unknown(),
  reason: editionReasonSchema,
});
export type PublishEdition = z.infer<typeof publishEditionSchema>;
