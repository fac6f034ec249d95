// What a hazard's photo proves beyond its bytes: when it was taken and, where the device knew it,
// where. Kept in the record rather than in the image, because downscaling drops the EXIF data.
import { z } from 'zod';
import { blobRefSchema, timestampSchema } from './common';

/**
 * A wall-clock time without a zone, as EXIF writes DateTimeOriginal when the camera recorded no
 * offset: YYYY-MM-DDTHH:MM:SS. Which zone it was is unknown, and is never guessed.
 */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, {
    message: 'localDateTime.invalid',
  })
  .refine((value) => !value.startsWith('0000'), { message: 'localDateTime.invalid' });

/**
 * When the photo was taken, and how that is known:
 * - camera: the device's clock when the app's camera took it;
 * - exif: the file's EXIF DateTimeOriginal with its offset (OffsetTimeOriginal);
 * - exifLocal: DateTimeOriginal without an offset, kept as written (zone unknown);
 * - picked: the file held no capture time; this is when it was picked, not when it was taken.
 */
export const photoTakenSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('camera'), at: timestampSchema }),
  z.object({ source: z.literal('exif'), at: timestampSchema }),
  z.object({ source: z.literal('exifLocal'), at: localDateTimeSchema }),
  z.object({ source: z.literal('picked'), at: timestampSchema }),
]);
export type PhotoTaken = z.infer<typeof photoTakenSchema>;

/**
 * The worst accuracy kept, in metres: a position known only within more than this says nothing
 * of which site a photo shows, so the app records none rather than a misleading one.
 */
export const MAX_PHOTO_ACCURACY_M = 10_000;

/**
 * Where the photo was taken: the device's position when the camera took it (geolocation), or the
 * file's EXIF GPS position. Accuracy is the radius in metres; null when the source gave none.
 */
export const photoPositionSchema = z.object({
  source: z.enum(['device', 'exif']),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().nonnegative().max(MAX_PHOTO_ACCURACY_M).nullable(),
});
export type PhotoPosition = z.infer<typeof photoPositionSchema>;

/**
 * A hazard's photo: its stored bytes, and its evidence. `taken` and `position` are absent on
 * photos recorded before evidence was kept; position is null when the device did not know it.
 */
export const photoRefSchema = blobRefSchema.extend({
  taken: photoTakenSchema.optional(),
  position: photoPositionSchema.nullable().optional(),
});
export type PhotoRef = z.infer<typeof photoRefSchema>;
