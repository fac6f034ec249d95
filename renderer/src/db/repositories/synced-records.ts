// Writes that arrive from the server: a pulled page with its cursor, applied in a single
// transaction so that a failure leaves records, queue and cursor as they were. (The answers to a
// pushed batch are settled by db/outbox/settle-answers.ts, with writeRecords from here.)
//
// Local edits stay on top: a pulled record that still has a queued outbox row is not written
// over the local edit but held aside (table `held`). The queued row keeps the base version it
// was made from, so the server sees honestly which of its fields changed since and logs the
// conflict; raising the base to the pulled version would let stale local values overwrite newer
// ones silently. Once the last queued edit of the record is answered, the held record is applied
// if it is at least as new as the answer; otherwise the next pull brings the merged record.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import { entityTables } from '../database';
import type { FieldInspectorDb, HeldRow } from '../database';
import { putCursor } from './meta';

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

export function recordTables(db: FieldInspectorDb) {
  return Object.values(entityTables).map((name) => db.table(name));
}

export type RecordKey = [EntityName, string];
export const keyOf = (entity: EntityName, id: string) => `${entity}\u0000${id}`;

/** The records (by entity and id) among `keys` that still have a queued outbox row. */
async function queuedKeys(db: FieldInspectorDb, keys: readonly RecordKey[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const found = (await db.outbox
    .where('[entity+id]')
    .anyOf(keys as RecordKey[])
    .keys()) as unknown as RecordKey[];
  return new Set(found.map(([entity, id]) => keyOf(entity, id)));
}

/**
 * Writes a whole page in one read of the outbox and one bulk write per table. Changes are folded
 * in page order first, so a record named twice in a page ends as its last change says.
 */
export async function applyPulledPage(
  db: FieldInspectorDb,
  changes: readonly PulledChange[],
  cursor: string,
): Promise<PageCounts> {
  const tables = [...recordTables(db), db.meta, db.outbox, db.held];
  return db.transaction('rw', tables, async () => {
    let applied = 0;
    let deleted = 0;
    const queued = await queuedKeys(
      db,
      changes.map((change): RecordKey => [change.entity, change.id]),
    );
    const held = new Map<string, HeldRow>();
    const writes = new Map<EntityName, Map<string, Record<string, unknown> | null>>();
    for (const change of changes) {
      const key = keyOf(change.entity, change.id);
      if (queued.has(key)) {
        held.delete(key);
        held.set(key, {
          entity: change.entity,
          id: change.id,
          version: change.version ?? change.record?.version ?? 0,
          record: change.record as Record<string, unknown> | null,
        });
        continue;
      }
      let tableWrites = writes.get(change.entity);
      if (!tableWrites) writes.set(change.entity, (tableWrites = new Map()));
      tableWrites.delete(change.id);
      tableWrites.set(change.id, change.record as Record<string, unknown> | null);
      if (change.record === null) deleted++;
      else applied++;
    }
    for (const [entity, tableWrites] of writes) {
      await writeRecords(db, entity, tableWrites);
    }
    if (held.size > 0) await db.held.bulkPut([...held.values()]);
    await putCursor(db, cursor);
    return { applied, deleted };
  });
}

/** Puts and deletes the final state of each record of one table (null: deleted). */
export async function writeRecords(
  db: FieldInspectorDb,
  entity: EntityName,
  states: ReadonlyMap<string, Record<string, unknown> | null | undefined>,
): Promise<void> {
  const puts: Record<string, unknown>[] = [];
  const deletes: string[] = [];
  for (const [id, record] of states) {
    if (record) puts.push(record);
    else deletes.push(id);
  }
  const table = db.table(entityTables[entity]);
  if (deletes.length > 0) await table.bulkDelete(deletes);
  if (puts.length > 0) await table.bulkPut(puts);
}
