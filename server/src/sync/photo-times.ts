// Owns the push's check of when a hazard's photos say they were taken: not after the server
// received them, beyond the device-clock tolerance (domain/rules/photo-evidence.ts). The schema
// has already checked each field's form; only the server knows the time of receipt.
import type { EntityName } from '../../../domain/schemas/entities';
import type { Finding } from '../../../domain/schemas/finding';
import { PHOTO_CLOCK_TOLERANCE_MS, photoTakenTooLate } from '../../../domain/rules/photo-evidence';
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';

/** The refusal of a parsed record whose photo is dated after `receivedAt`; null otherwise. */
export function checkPhotoTimes(
  entity: EntityName,
  record: Record<string, unknown>,
  receivedAt: Date,
): Refusal | null {
  if (entity !== 'finding') return null;
  const path = photoTakenTooLate(record as Finding, receivedAt);
  if (path === null) return null;
  const at = path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], record);
  return refusal('photoTakenLater', {
    field: `data.${path}`,
    at: String(at),
    receivedAt: receivedAt.toISOString(),
    minutes: String(PHOTO_CLOCK_TOLERANCE_MS / 60_000),
  });
}
