// The document register's HTTP shapes under /api/v1/register: the list with its search, and the
// entries it answers. The Excel export (GET /register/export.xlsx) takes the same search.
import { z } from 'zod';
import { dateSchema, idSchema, textSchema, timestampSchema } from '../schemas/common';
import { documentKindSchema } from '../schemas/document';

export const MAX_REGISTER_PAGE = 500;
/** The most rows one export holds: a district's documents of several years. */
export const MAX_REGISTER_EXPORT = 50_000;

const registerSearch = {
  /** Part of the number, e.g. 检记〔2026〕 or 0012. */
  number: textSchema().trim().max(100).optional(),
  /** Part of the enterprise's name, or its unified social credit code. */
  enterprise: textSchema().trim().max(100).optional(),
  kind: documentKindSchema.optional(),
  /** Issued on or after this day (China time). */
  from: dateSchema.optional(),
  /** Issued on or before this day (China time). */
  to: dateSchema.optional(),
};

const rangeInOrder = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const rangeMessage = { message: 'from must not be after to', path: ['from'] };

export const registerQuerySchema = z
  .strictObject({
    ...registerSearch,
    limit: z.coerce.number().int().min(1).max(MAX_REGISTER_PAGE).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine(rangeInOrder, rangeMessage);
export type RegisterQuery = z.infer<typeof registerQuerySchema>;

/** GET /register/export.xlsx: the same search, every entry, headed in `lang`. */
export const registerExportQuerySchema = z
  .strictObject({ ...registerSearch, lang: z.enum(['zh-CN', 'en']).default('zh-CN') })
  .refine(rangeInOrder, rangeMessage);

export const registerEntrySchema = z.object({
  documentId: idSchema,
  number: z.string(),
  kind: documentKindSchema,
  agencyId: idSchema,
  agencyName: z.string().nullable(),
  year: z.number().int(),
  sequence: z.number().int().positive(),
  issuedOn: dateSchema,
  inspectionId: idSchema,
  enterpriseId: idSchema,
  enterpriseName: z.string().nullable(),
  /** The inspection's officers when registered, lead first. */
  officers: z.array(z.object({ id: idSchema, name: z.string().nullable() })),
  registeredAt: timestampSchema,
});
export type RegisterEntry = z.infer<typeof registerEntrySchema>;

export const registerListResponseSchema = z.object({
  entries: z.array(registerEntrySchema),
  /** How many entries the search finds in all (the page holds `limit` of them at most). */
  total: z.number().int().nonnegative(),
});
export type RegisterListResponse = z.infer<typeof registerListResponseSchema>;
