// Building blocks shared by every record schema: identifiers, timestamps and the sync envelope.
import { z } from 'zod';

/** UUIDv7 (any RFC 4122 UUID is accepted so that imported records keep their ids). */
export const idSchema = z.uuid({ message: 'id.invalid' });

/** ISO 8601 timestamp with an offset, e.g. 2026-11-29T08:00:00.000+08:00 or …Z. */
export const timestampSchema = z.iso.datetime({ offset: true, message: 'timestamp.invalid' });

/** A calendar date, YYYY-MM-DD (deadlines, milestones). */
export const dateSchema = z.iso.date({ message: 'date.invalid' });

/** Administrative division code of a town, sub-district or development zone (9 digits). */
export const townCodeSchema = z.string().regex(/^\d{9}$/, { message: 'town.invalid' });

/** SHA-256 of a blob's bytes, lower-case hex: the blob's address. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256.invalid' });

/** A reference to a stored photo or signature. */
export const blobRefSchema = z.object({
  sha256: sha256Schema,
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  size: z
    .number()
    .int()
    .positive()
    .max(20 * 1024 * 1024),
});
export type BlobRef = z.infer<typeof blobRefSchema>;

/**
 * Fields every synced record carries. `version` is assigned by the server (0 until first
 * accepted); clients never decide conflicts by their clocks.
 */
export const syncFields = {
  id: idSchema,
  version: z.number().int().nonnegative(),
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
  createdBy: idSchema,
};

export const nonEmpty = (max: number) =>
  z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
