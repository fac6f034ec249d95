// The outbox's queue: local changes waiting to be pushed. A local write and its outbox row always
// go in one transaction, so no change is ever stored without being queued (or queued without
// being stored). Batches take rows from its head (take-batch.ts); answers remove them
// (settle-answers.ts). Owns writeLocal, the queue's counts and the tables a queueing write holds.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import { entitySchemas } from '../../../../domain/schemas/entities';
import { entityTables } from '../database';
import type { FieldInspectorDb } from '../database';
import { readNumbering } from './numbering';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export async function countPending(db: FieldInspectorDb): Promise<number> {
  return db.outbox.count();
}

/** How many rows are queued, and the seq of the last of them (0 when none). */
export async function queueExtent(
  db: FieldInspectorDb,
): Promise<{ rows: number; lastSeq: number }> {
  return db.transaction('r', db.outbox, async () => ({
    rows: await db.outbox.count(),
    lastSeq: (await db.outbox.orderBy(':id').last())?.seq ?? 0,
  }));
}

/**
 * How many rows were queued after `seq`. Counting walks the rows counted, so this costs nothing
 * however long the rest of the queue is.
 */
export async function countQueuedAfter(db: FieldInspectorDb, seq: number): Promise<number> {
  return db.outbox.where(':id').above(seq).count();
}

/** The tables a transaction that queues a change (through writeLocal) must hold. */
export function queueTables(db: FieldInspectorDb) {
  return [db.outbox, db.outboxNumbering];
}

export interface WriteLocalOptions {
  /**
   * Queue the change as a row of its own, at the end of the queue, even when an earlier edit of
   * the record is still unsent. A submission does this: the server locks the hazards of a
   * submitted inspection, so every change queued before the submission must reach it first.
   */
  ownRow?: boolean;
}

/**
 * Stores a record made or changed on this device and queues it for the server. Several edits of
 * the same record made before a batch takes them travel as one mutation carrying the latest data
 * (and the version the first of them started from).
 */
export async function writeLocal<E extends EntityName>(
  db: FieldInspectorDb,
  entity: E,
  record: EntityRecord<E>,
  now: Clock = systemClock,
  options: WriteLocalOptions = {},
): Promise<void> {
  const parsed = entitySchemas[entity].parse(record) as EntityRecord<E>;
  const data = parsed as unknown as Record<string, unknown>;
  const table = db.table(entityTables[entity]);
  await db.transaction('rw', [table, ...queueTables(db)], async () => {
    await table.put(parsed);
    // Only the record's last queued row can take the edit, and only while no batch has taken it.
    const seqs = await db.outbox.where('[entity+id]').equals([entity, parsed.id]).primaryKeys();
    const lastSeq = seqs.length > 0 ? Math.max(...seqs) : undefined;
    const queued = lastSeq === undefined ? undefined : await db.outbox.get(lastSeq);
    if (queued?.seq !== undefined && queued.op === 'upsert' && options.ownRow !== true) {
      const numbering = await readNumbering(db);
      if (!numbering.get(queued.seq)) {
        await db.outbox.update(queued.seq, { data, queuedAt: now().toISOString() });
        return;
      }
    }
    await db.outbox.add({
      entity,
      id: parsed.id,
      op: 'upsert',
      data,
      baseVersion: parsed.version,
      queuedAt: now().toISOString(),
    });
  });
}
