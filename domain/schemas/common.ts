// Building blocks shared by every record schema: identifiers, timestamps and the sync envelope.
import { z } from 'zod';

/** UUIDv7 (any RFC 4122 UUID is accepted so that imported records keep their ids). */
export const idSchema = z.uuid({ message: 'id.invalid' });

/** With the u flag a surrogate pair is one code point: only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether PostgreSQL can store the text as text or inside jsonb: it holds no U+0000 and no lone
 * UTF-16 surrogate (half of a pair, which has no UTF-8 form). Such a string inside one record
 * once made the database refuse a whole push batch.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/**
 * The text with every character the database cannot hold replaced by U+FFFD: for messages that
 * quote what a device sent (a refusal is stored with the device's answers).
 */
export function storableTextOf(value: string): string {
  return isStorableText(value)
    ? value
    : value.replaceAll('\u0000', '\uFFFD').replace(/\p{Cs}/gu, '\uFFFD');
}

/**
 * Any text a record, a request or a query may hold: every free-text field is built on this, so
 * that text the database cannot hold is refused by the schema, naming the field.
 */
export const textSchema = () => z.string().refine(isStorableText, { message: 'text.unstorable' });

/**
 * The year and offset PostgreSQL accepts: the ISO formats allow year 0000 and offsets up to
 * ±23:59, which its timestamptz refuses (a record's deletedAt is stored as one).
 */
const storableTime = (value: string) => {
  if (value.startsWith('0000')) return false;
  const offset = /([+-])(\d{2}):?(\d{2})?$/.exec(value.slice(10));
  return !offset || Number(offset[2]) <= 15;
};

/** ISO 8601 timestamp with an offset, e.g. 2026-11-29T08:00:00.000+08:00 or …Z. */
export const timestampSchema = z.iso
  .datetime({ offset: true, message: 'timestamp.invalid' })
  .refine(storableTime, { message: 'timestamp.invalid' });

/** A calendar date, YYYY-MM-DD (deadlines, milestones). */
export const dateSchema = z.iso
  .date({ message: 'date.invalid' })
  .refine(storableTime, { message: 'date.invalid' });

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
  textSchema().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });
