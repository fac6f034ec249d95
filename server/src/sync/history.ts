// Owns the history table: every applied change with who made it, from which device, when, and
// the changed fields before and after. It is each record's audit trail, and it tells a push
// what a field held at the client's base version.
import { upgradeEnterpriseShape } from '../../../domain/rules/enterprise-units';
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
  /**
   * The changed fields' new values; null for a record created by its only change in the batch,
   * which the history copies whole from the records table (already written) rather than have it
   * sent a second time.
   */
  after: Record<string, unknown> | null;
  /** The conflict this change resolved (its overwritten value restored); absent otherwise. */
  conflictId?: string;
}

export async function appendHistory(tx: Queryable, entries: readonly HistoryEntry[]) {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO history (entity, id, version, user_id, device_id, mid, at, before, after,
       conflict_id)
     SELECT h.entity, h.id, h.version, h.user_id, h.device_id, h.mid, h.at, h.before,
       coalesce(h.after, r.data), h.conflict_id
     FROM jsonb_to_recordset($1::jsonb) AS h(n integer, entity text, id uuid, version bigint,
       user_id uuid, device_id uuid, mid bigint, at timestamptz, before jsonb, after jsonb,
       conflict_id uuid)
     LEFT JOIN records r ON h.after IS NULL AND r.entity = h.entity AND r.id = h.id
     ORDER BY h.n`,
    [
      JSON.stringify(
        // n keeps the entries' order in seq, which orders changes that share a version.
        entries.map((e, n) => ({
          n,
          entity: e.entity,
          id: e.id,
          version: e.version,
          user_id: e.userId,
          device_id: e.deviceId,
          mid: e.mid,
          at: e.at,
          before: e.before,
          after: e.after ?? undefined,
          conflict_id: e.conflictId,
        })),
      ),
    ],
  );
}

/** A record's earlier values as its history rows after some version recorded them, oldest first. */
export interface LaterChange {
  version: number;
  before: Record<string, unknown> | null;
}

/**
 * The history after `after` of each of several records, in one query (a push batch asks once for
 * all its records), keyed by `${entity}/${id}`, oldest first.
 */
export async function changesAfter(
  tx: Queryable,
  keys: readonly { entity: EntityName; id: string; after: number }[],
): Promise<Map<string, LaterChange[]>> {
  const found = new Map<string, LaterChange[]>();
  if (keys.length === 0) return found;
  const rows = await tx.query<{
    entity: string;
    id: string;
    version: number;
    before: LaterChange['before'];
  }>(
    `SELECT h.entity, h.id::text AS id, h.version, h.before
     FROM jsonb_to_recordset($1::jsonb) AS k(entity text, id uuid, after bigint)
     JOIN history h ON h.entity = k.entity AND h.id = k.id AND h.version > k.after
     ORDER BY h.entity, h.id, h.version, h.seq`,
    [JSON.stringify(keys)],
  );
  for (const row of rows) {
    const key = `${row.entity}/${row.id}`;
    const list = found.get(key) ?? [];
    // An enterprise's history from before units holds `chemicals`: read as the unit it became.
    const before =
      row.entity === 'enterprise'
        ? (upgradeEnterpriseShape(row.before) as LaterChange['before'])
        : row.before;
    list.push({ version: row.version, before });
    found.set(key, list);
  }
  return found;
}

/**
 * What each of `fields` held at `baseVersion`: the earlier value recorded by the first change
 * of that field after it. A field absent from the answer is not known (no history after the
 * base version changed it, e.g. a record written before history was kept).
 */
export function valuesFromChanges(
  changes: readonly LaterChange[],
  baseVersion: number,
  fields: readonly string[],
): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const change of changes) {
    if (change.version <= baseVersion || !change.before) continue;
    for (const field of fields) {
      if (!values.has(field) && Object.hasOwn(change.before, field)) {
        values.set(field, change.before[field]);
      }
    }
  }
  return values;
}
