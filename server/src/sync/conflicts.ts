// Owns the conflicts log: a field changed on the server after a client's base version and changed
// again by that client. The later change wins (server arrival order); the losing value is kept
// here until someone who handles the conflict keeps the winner or restores the loser
// (conflict-resolution.ts).
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { EntityName } from '../../../domain/schemas/entities';
import type { User } from '../../../domain/schemas/user';
import { resolveConflictRequestSchema } from '../../../domain/sync/protocol';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

export interface ConflictEntry {
  entity: EntityName;
  recordId: string;
  town: string | null;
  field: string;
  keptValue: unknown;
  losingValue: unknown;
  keptUserId: string;
  keptDeviceId: string | null;
  losingUserId: string | null;
  losingDeviceId: string | null;
  version: number;
  at: string;
}

export async function logConflicts(tx: Queryable, entries: readonly ConflictEntry[]) {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO conflicts (id, entity, record_id, town, field, kept_value, losing_value,
       kept_user_id, kept_device_id, losing_user_id, losing_device_id, version, at)
     SELECT id, entity, record_id, town, field, kept_value, losing_value, kept_user_id,
       kept_device_id, losing_user_id, losing_device_id, version, at
     FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, entity text, record_id uuid, town text,
       field text, kept_value jsonb, losing_value jsonb, kept_user_id uuid, kept_device_id uuid,
       losing_user_id uuid, losing_device_id uuid, version bigint, at timestamptz)`,
    [
      JSON.stringify(
        entries.map((c) => ({
          id: uuidv7(),
          entity: c.entity,
          record_id: c.recordId,
          town: c.town,
          field: c.field,
          // JSON null inside jsonb, so that "the value was null" differs from "no value".
          kept_value: c.keptValue ?? null,
          losing_value: c.losingValue ?? null,
          kept_user_id: c.keptUserId,
          kept_device_id: c.keptDeviceId,
          losing_user_id: c.losingUserId,
          losing_device_id: c.losingDeviceId,
          version: c.version,
          at: c.at,
        })),
      ),
    ],
  );
}

export const conflictListQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const resolveConflictSchema = resolveConflictRequestSchema;

/** A logged conflict as supervisors see it: the entry plus how it was resolved. */
export interface ConflictView extends ConflictEntry {
  id: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: 'kept' | 'losing' | null;
}

export interface ConflictRow {
  id: string;
  entity: EntityName;
  record_id: string;
  town: string | null;
  field: string;
  kept_value: unknown;
  losing_value: unknown;
  kept_user_id: string;
  kept_device_id: string | null;
  losing_user_id: string | null;
  losing_device_id: string | null;
  version: number;
  at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: 'kept' | 'losing' | null;
}

export const columns = `id::text AS id, entity, record_id::text AS record_id, town, field, kept_value,
  losing_value, kept_user_id::text AS kept_user_id, kept_device_id::text AS kept_device_id,
  losing_user_id::text AS losing_user_id, losing_device_id::text AS losing_device_id, version,
  at, resolved_at, resolved_by::text AS resolved_by, resolution`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function view(r: ConflictRow): ConflictView {
  return {
    id: r.id,
    entity: r.entity,
    recordId: r.record_id,
    town: r.town,
    field: r.field,
    keptValue: r.kept_value,
    losingValue: r.losing_value,
    keptUserId: r.kept_user_id,
    keptDeviceId: r.kept_device_id,
    losingUserId: r.losing_user_id,
    losingDeviceId: r.losing_device_id,
    version: r.version,
    at: new Date(r.at).toISOString(),
    resolvedAt: iso(r.resolved_at),
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
  };
}

/** Records only administrators write: their conflicts are administrators' to settle. */
const ADMIN_ENTITIES = ['agency', 'user', 'enterprise', 'template'];

/**
 * Who handles a conflict: the conflicts of an inspection or a hazard are for the supervisors of
 * an agency the inspection names, in whose jurisdiction its enterprise lies (the review and the
 * rectification state are theirs to write); those of the records only administrators write
 * (agencies, users, enterprises, templates) are for administrators, who take no part in the
 * inspections' enforcement. Inspectors handle none.
 */
export function requireConflictHandler(user: User): void {
  if (user.role === 'inspector') {
    throw new ApiError(403, 'forbidden', 'Only supervisors and administrators handle conflicts.');
  }
}

/**
 * The SQL condition (on conflicts aliased `c`) of the conflicts `user` handles, with its
 * parameters numbered from `from`.
 */
export function handledBy(user: User, from: number): { sql: string; params: unknown[] } {
  if (user.role === 'admin') {
    return {
      sql: `c.entity IN (SELECT value FROM jsonb_array_elements_text($${from}::jsonb))`,
      params: [JSON.stringify(ADMIN_ENTITIES)],
    };
  }
  // The inspection concerned: the record itself, or the inspection of the hazard.
  return {
    sql: `c.entity IN ('inspection', 'finding')
      AND c.town IN (SELECT value FROM jsonb_array_elements_text($${from}::jsonb))
      AND EXISTS (
        SELECT 1 FROM records i
        WHERE i.entity = 'inspection'
          AND i.id = CASE WHEN c.entity = 'inspection' THEN c.record_id ELSE (
            SELECT (f.data->>'inspectionId')::uuid FROM records f
            WHERE f.entity = 'finding' AND f.id = c.record_id) END
          AND i.data->'agencyIds' @> jsonb_build_array($${from + 1}::text))`,
    params: [JSON.stringify(user.jurisdiction), user.agencyId],
  };
}

/** Newest first, those the caller handles (requireConflictHandler, handledBy). */
export async function listConflicts(
  db: Queryable,
  user: User,
  query: z.infer<typeof conflictListQuerySchema>,
): Promise<ConflictView[]> {
  requireConflictHandler(user);
  const status =
    query.status === 'open'
      ? 'AND c.resolved_at IS NULL'
      : query.status === 'resolved'
        ? 'AND c.resolved_at IS NOT NULL'
        : '';
  const handled = handledBy(user, 2);
  const rows = await db.query<ConflictRow>(
    `SELECT ${columns} FROM conflicts c WHERE ${handled.sql} ${status}
     ORDER BY c.at DESC, c.id DESC LIMIT $1`,
    [query.limit, ...handled.params],
  );
  return rows.map(view);
}
