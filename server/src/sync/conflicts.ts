// Owns the conflicts log: a field changed on the server after a client's base version and changed
// again by that client. The later change wins (server arrival order); the losing value is kept
// here until a supervisor keeps the winner or restores the loser.
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import type { EntityName } from '../../../domain/schemas/entities';
import { entitySchemas } from '../../../domain/schemas/entities';
import type { User } from '../../../domain/schemas/user';
import { resolveConflictRequestSchema } from '../../../domain/sync/protocol';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { appendHistory } from './history';
import { writeRecords } from './record-store';

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

interface ConflictRow {
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

const columns = `id::text AS id, entity, record_id::text AS record_id, town, field, kept_value,
  losing_value, kept_user_id::text AS kept_user_id, kept_device_id::text AS kept_device_id,
  losing_user_id::text AS losing_user_id, losing_device_id::text AS losing_device_id, version,
  at, resolved_at, resolved_by::text AS resolved_by, resolution`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function view(r: ConflictRow): ConflictView {
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

function requireReviewer(user: User): void {
  if (user.role !== 'supervisor' && user.role !== 'admin') {
    throw new ApiError(403, 'forbidden', 'Only supervisors and administrators handle conflicts.');
  }
}

/** Newest first, within the caller's jurisdiction (admins: all). */
export async function listConflicts(
  db: Queryable,
  user: User,
  query: z.infer<typeof conflictListQuerySchema>,
): Promise<ConflictView[]> {
  requireReviewer(user);
  const status =
    query.status === 'open'
      ? 'AND resolved_at IS NULL'
      : query.status === 'resolved'
        ? 'AND resolved_at IS NOT NULL'
        : '';
  const rows =
    user.role === 'admin'
      ? await db.query<ConflictRow>(
          `SELECT ${columns} FROM conflicts WHERE true ${status} ORDER BY at DESC, id DESC LIMIT $1`,
          [query.limit],
        )
      : await db.query<ConflictRow>(
          `SELECT ${columns} FROM conflicts
           WHERE town IN (SELECT value FROM jsonb_array_elements_text($2::jsonb)) ${status}
           ORDER BY at DESC, id DESC LIMIT $1`,
          [query.limit, JSON.stringify(user.jurisdiction)],
        );
  return rows.map(view);
}

/**
 * Resolves an open conflict. Keeping the losing value writes it back as an ordinary server-side
 * change: a new version, a history row, and every device in scope receives it on its next pull.
 */
export async function resolveConflict(
  db: Database,
  user: User,
  id: string,
  keep: 'kept' | 'losing',
  now: Date,
): Promise<ConflictView> {
  requireReviewer(user);
  return db.transaction(async (tx) => {
    // The global lock first, as every writer takes it: the record read below stays current.
    await tx.query('SELECT version FROM sync_state FOR UPDATE');
    const [row] = await tx.query<ConflictRow>(
      `SELECT ${columns} FROM conflicts WHERE id = $1::uuid FOR UPDATE`,
      [id],
    );
    const visible =
      row && (user.role === 'admin' || (row.town !== null && user.jurisdiction.includes(row.town)));
    if (!row || !visible) {
      throw new ApiError(404, 'not_found', 'There is no such conflict in your jurisdiction.');
    }
    if (row.resolved_at) {
      // The same choice again (a device resending a queued choice whose answer it never got)
      // changes nothing and answers as the first time did; a different choice is refused.
      if (row.resolution === keep) return view(row);
      throw new ApiError(
        409,
        'already_resolved',
        `This conflict has already been resolved (${row.resolution === 'losing' ? 'the overwritten value was restored' : 'the current value was kept'}).`,
      );
    }
    if (keep === 'losing') await restoreLosingValue(tx, user, row, now);
    const [resolved] = await tx.query<ConflictRow>(
      `UPDATE conflicts SET resolved_at = $2::timestamptz, resolved_by = $3::uuid, resolution = $4
       WHERE id = $1::uuid RETURNING ${columns}`,
      [id, now.toISOString(), user.id, keep],
    );
    if (!resolved) throw new Error(`conflict ${id} vanished while being resolved`);
    return view(resolved);
  });
}

async function restoreLosingValue(tx: Queryable, user: User, row: ConflictRow, now: Date) {
  const [record] = await tx.query<{
    data: Record<string, unknown>;
    field_versions: Record<string, number>;
    created_version: number | null;
  }>(
    'SELECT data, field_versions, created_version FROM records WHERE entity = $1 AND id = $2::uuid',
    [row.entity, row.record_id],
  );
  if (!record) throw new Error(`conflict ${row.id} refers to a missing record`);
  // Restoring over a change made after the conflict would silently undo that newer change.
  const fieldVersion = Number(record.field_versions[row.field] ?? record.created_version ?? 0);
  if (fieldVersion > Number(row.version)) {
    throw new ApiError(
      409,
      'changed_since',
      `${row.field} has changed again since this conflict; keep the current value instead.`,
    );
  }
  const next = { ...record.data, [row.field]: row.losing_value, updatedAt: now.toISOString() };
  const parsed = entitySchemas[row.entity].safeParse(next);
  if (!parsed.success) {
    throw new ApiError(
      409,
      'cannot_restore',
      `The losing value of ${row.field} no longer fits the record; keep the current value instead.`,
    );
  }
  const [written] = await writeRecords(tx, [{ entity: row.entity, data: parsed.data }]);
  if (!written) throw new Error('writeRecords wrote nothing');
  await appendHistory(tx, [
    {
      entity: row.entity,
      id: row.record_id,
      version: written.version,
      userId: user.id,
      deviceId: null,
      mid: null,
      at: now.toISOString(),
      before: { [row.field]: record.data[row.field] ?? null },
      after: { [row.field]: written.data[row.field] ?? null },
    },
  ]);
}
