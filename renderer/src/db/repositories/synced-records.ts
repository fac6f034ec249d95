// Writes that arrive from the server: a pulled page with its cursor, and the answers to a pushed
// batch, each applied in a single transaction so that a failure leaves records, queue and cursor
// as they were.
//
// Local edits stay on top: a pulled record that still has a queued outbox row is not written
// over the local edit but held aside (table `held`). The queued row keeps the base version it
// was made from, so the server sees honestly which of its fields changed since and logs the
// conflict; raising the base to the pulled version would let stale local values overwrite newer
// ones silently. Once the last queued edit of the record is answered, the held record is applied
// if it is at least as new as the answer; otherwise the next pull brings the merged record.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import type { MutationResult } from '../../../../domain/sync/protocol';
import { entityTables } from '../database';
import type { FieldInspectorDb } from '../database';
import { putCursor, resetCursor } from './meta';
import type { NumberedRow } from './outbox';

export type PulledChange = {
  [E in EntityName]: {
    entity: E;
    id: string;
    /** The server's version of the change (defaults to the record's own). */
    version?: number;
    record: EntityRecord<E> | null;
  };
}[EntityName];

export interface PageCounts {
  applied: number;
  deleted: number;
}

function recordTables(db: FieldInspectorDb) {
  return Object.values(entityTables).map((name) => db.table(name));
}

async function hasQueuedEdit(db: FieldInspectorDb, entity: EntityName, id: string) {
  return (await db.outbox.where('[entity+id]').equals([entity, id]).count()) > 0;
}

export async function applyPulledPage(
  db: FieldInspectorDb,
  changes: readonly PulledChange[],
  cursor: string,
): Promise<PageCounts> {
  const tables = [...recordTables(db), db.meta, db.outbox, db.held];
  return db.transaction('rw', tables, async () => {
    let applied = 0;
    let deleted = 0;
    for (const change of changes) {
      const table = db.table(entityTables[change.entity]);
      if (await hasQueuedEdit(db, change.entity, change.id)) {
        await db.held.put({
          entity: change.entity,
          id: change.id,
          version: change.version ?? change.record?.version ?? 0,
          record: change.record as Record<string, unknown> | null,
        });
      } else if (change.record === null) {
        await table.delete(change.id);
        deleted++;
      } else {
        await table.put(change.record);
        applied++;
      }
    }
    await putCursor(db, cursor);
    return { applied, deleted };
  });
}

export interface SettleCounts {
  applied: number;
  duplicate: number;
  conflict: number;
  rejected: number;
}

/** A `duplicate` whose earlier result was a refusal carries the reason and no version. */
function isRefusal(result: MutationResult): boolean {
  return (
    result.status === 'rejected' ||
    (result.status === 'duplicate' && result.version === undefined && result.error !== undefined)
  );
}

/**
 * Applies the server's answers to a pushed batch: answered rows leave the outbox; a refused one
 * moves to `rejected` with its reason (and the local record is brought back to the server's copy
 * by a full pull); a conflict is noted in `conflicts`. The local record takes the answered
 * version only when no newer edit of it is still queued. Rows without an answer stay queued,
 * with their mids, for the next attempt.
 */
export async function settleResults(
  db: FieldInspectorDb,
  rows: readonly NumberedRow[],
  results: readonly MutationResult[],
  now: () => Date = () => new Date(),
): Promise<SettleCounts> {
  const byMid = new Map(results.map((result) => [result.mid, result]));
  const tables = [...recordTables(db), db.outbox, db.rejected, db.conflicts, db.held, db.meta];
  return db.transaction('rw', tables, async () => {
    const counts: SettleCounts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
    let repull = false;
    const at = now().toISOString();
    for (const row of rows) {
      const result = byMid.get(row.mid);
      const stored = await db.outbox.get(row.seq);
      if (!result || stored?.mid !== row.mid || stored.deviceId !== row.deviceId) continue;
      await db.outbox.delete(row.seq);
      const table = db.table(entityTables[row.entity]);
      const newer = await db.outbox.where('[entity+id]').equals([row.entity, row.id]).toArray();
      const held = await db.held.get([row.entity, row.id]);

      if (isRefusal(result)) {
        counts.rejected++;
        const { mid, deviceId, entity, id, op, data, baseVersion, queuedAt } = stored;
        await db.rejected.add({
          entity,
          id,
          op,
          data,
          baseVersion,
          queuedAt,
          mid,
          deviceId,
          reason: result.error ?? result.status,
          rejectedAt: at,
          dismissed: 0,
        });
        if (newer.length === 0) {
          // The server never took this edit: a record it never had goes away here (a full pull
          // brings it back if it does exist), any other is overwritten by that full pull.
          if (row.baseVersion === 0) await table.delete(row.id);
          await db.held.delete([row.entity, row.id]);
          repull = true;
        }
        continue;
      }

      counts[result.status === 'rejected' ? 'rejected' : result.status]++;
      if (result.status === 'conflict') {
        await db.conflicts.add({
          mid: row.mid,
          entity: row.entity,
          id: row.id,
          version: result.version ?? null,
          detail: result.error ?? null,
          at,
          dismissed: 0,
        });
      }
      if (newer.length > 0) {
        // The newer edit was made on top of this one: when the server took this one as it was,
        // the next push can say it starts from the answered version.
        if (result.status === 'applied' && result.version !== undefined && !held) {
          for (const later of newer) {
            if (later.mid === undefined) {
              await db.outbox.update(later.seq!, { baseVersion: result.version });
            }
          }
        }
        continue;
      }
      if (held && (result.version === undefined || held.version >= result.version)) {
        if (held.record === null) await table.delete(row.id);
        else await table.put(held.record);
      } else if (result.version !== undefined) {
        await table.update(row.id, { version: result.version });
      }
      await db.held.delete([row.entity, row.id]);
    }
    if (repull) await resetCursor(db);
    return counts;
  });
}
