// Decides, field by field, what a mutation changes and where it collides with a change made on
// the server after the client's base version. A field the client did not touch keeps the
// server's value, so a client holding a stale copy never overwrites newer fields with old ones.
import { isDeepStrictEqual } from 'node:util';
import type { StoredRecord } from './stored-records';

/** Envelope fields the server sets itself; never part of a field-level change. */
export const SERVER_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'version',
  'updatedAt',
  'createdBy',
]);

export interface FieldPlan {
  /** Content fields the mutation changes (its value differs from the server's). */
  changed: Set<string>;
  /** Of those, the ones changed on the server by someone else after the base version. */
  conflicting: Set<string>;
}

/**
 * `baseValues` gives what a field held at the base version when it changed since then
 * (from history); a field missing there is treated as touched by the client if its value
 * differs from the server's, so that nothing is lost silently.
 */
export function planFields(
  existing: StoredRecord | undefined,
  incoming: Record<string, unknown>,
  baseVersion: number,
  deviceId: string,
  baseValues: Map<string, unknown>,
): FieldPlan {
  const changed = new Set<string>();
  const conflicting = new Set<string>();
  const fields = new Set([...Object.keys(incoming), ...Object.keys(existing?.data ?? {})]);
  for (const field of fields) {
    if (SERVER_FIELDS.has(field)) continue;
    if (!existing) {
      changed.add(field);
      continue;
    }
    const server = existing.data[field];
    const mine = incoming[field];
    if (isDeepStrictEqual(server, mine)) continue;
    if (!changedSince(existing, field, baseVersion, deviceId)) {
      changed.add(field);
      continue;
    }
    // Changed on the server since the client's copy: did the client change it too?
    if (baseValues.has(field) && isDeepStrictEqual(baseValues.get(field), mine)) continue;
    changed.add(field);
    conflicting.add(field);
  }
  return { changed, conflicting };
}

/** Whether someone other than this device changed `field` after `baseVersion`. */
export function changedSince(
  existing: StoredRecord,
  field: string,
  baseVersion: number,
  deviceId: string,
): boolean {
  const version = existing.fieldVersions[field] ?? existing.version;
  const device = existing.fieldDevices[field] ?? null;
  return version > baseVersion && device !== deviceId;
}

/** The fields whose value at the base version is needed to plan this mutation. */
export function fieldsNeedingBase(
  existing: StoredRecord,
  incoming: Record<string, unknown>,
  baseVersion: number,
  deviceId: string,
): string[] {
  return Object.keys(incoming).filter(
    (field) =>
      !SERVER_FIELDS.has(field) &&
      !isDeepStrictEqual(existing.data[field], incoming[field]) &&
      changedSince(existing, field, baseVersion, deviceId),
  );
}
