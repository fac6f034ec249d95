// Owns the history table: every applied change with who made it, from which device, when, and
// the changed fields before and after. It is each record's audit trail, and it tells a push
// what a field held at the client's base version.
import type { EntityName } from '../../../domain/schemas/entities';
import type { Queryable } from '../db/database';

export interface HistoryEntry {
  entity: EntityName;
  id: string;
  version: number;
  userId: string;
  deviceId: string | null;
  mid: number | null;
  at: string;
  /** The changed fields' earlier values; null when the change created the record. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export async function appendHistory(tx: Queryable, entries: readonly HistoryEntry[]) {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO history (entity, id, version, user_id, device_id, mid, at, before, after)
     SELECT entity, id, version, user_id, device_id, mid, at, before, after
     FROM jsonb_to_recordset($1::jsonb) AS h(entity text, id uuid, version bigint, user_id uuid,
       device_id uuid, mid bigint, at timestamptz, before jsonb, after jsonb)`,
    [
      JSON.stringify(
        entries.map((e) => ({
          entity: e.entity,
          id: e.id,
          version: e.version,
          user_id: e.userId,
          device_id: e.deviceId,
          mid: e.mid,
          at: e.at,
          before: e.before,
          after: e.after,
        })),
      ),
    ],
  );
}

/**
 * What each of `fields` held at `baseVersion`: the earlier value recorded by the first change
 * of that field after it. A field absent from the answer is not known (no history after the
 * base version changed it, e.g. a record written before history was kept).
 */
export async function valuesAtVersion(
  tx: Queryable,
  entity: EntityName,
  id: string,
  baseVersion: number,
  fields: readonly string[],
): Promise<Map<string, unknown>> {
  const rows = await tx.query<{ before: Record<string, unknown> | null }>(
    `SELECT before FROM history WHERE entity = $1 AND id = $2::uuid AND version > $3
     ORDER BY version, seq`,
    [entity, id, baseVersion],
  );
  const values = new Map<string, unknown>();
  for (const row of rows) {
    if (!row.before) continue;
    for (const field of fields) {
      if (!values.has(field) && Object.hasOwn(row.before, field)) {
        values.set(field, row.before[field]);
      }
    }
  }
  return values;
}

/** A record's history, oldest first. */
export async function recordHistory(tx: Queryable, entity: EntityName, id: string) {
  return tx.query<{
    version: number;
    user_id: string;
    device_id: string | null;
    mid: number | null;
    at: Date;
    before: Record<string, unknown> | null;
    after: Record<string, unknown>;
  }>(
    `SELECT version, user_id::text AS user_id, device_id::text AS device_id, mid, at, before, after
     FROM history WHERE entity = $1 AND id = $2::uuid ORDER BY version, seq`,
    [entity, id],
  );
}
