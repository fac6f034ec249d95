// Settling the server's answers to a pushed batch: answered rows leave the outbox and lose their
// mids, refusals move to `rejected` (and owe a full re-pull), conflicts are noted, and a record
// held aside while its edit was queued is applied once the last edit of it is answered. All in
// one transaction with the outbox, so a failure leaves queue, numbering and records as they were.
import type { Table } from 'dexie';
import type { EntityName } from '../../../../domain/schemas/entities';
import type { MutationResult } from '../../../../domain/sync/protocol';
import type { ConflictRow, FieldInspectorDb, HeldRow, RejectedRow } from '../database';
import { resetCursor } from '../repositories/meta';
import { keyOf, recordTables, writeRecords } from '../repositories/synced-records';
import type { RecordKey } from '../repositories/synced-records';
import { readNumbering } from './numbering';
import { queueTables } from './queue';
import type { NumberedRow } from './take-batch';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

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
 * by a full pull); a conflict is noted in `conflicts`. Rows without an answer stay queued, with
 * their mids, for the next attempt.
 *
 * An answer does not rewrite the local record: the server may have merged other devices' fields
 * into the version it answers with, which this copy lacks. Giving the copy that version (or a
 * queued later edit of it that base) would let its stale fields overwrite theirs unseen; the
 * record and its base stay as they were until the pull brings the server's copy. The server
 * knows the fields this device itself changed since that base, so they raise no conflict.
 *
 * Everything the answers touch is read in bulk first, the rows are settled in batch order on
 * that copy, and the outcome is written back with one bulk call per table.
 */
export async function settleResults(
  db: FieldInspectorDb,
  rows: readonly NumberedRow[],
  results: readonly MutationResult[],
  now: Clock = systemClock,
): Promise<SettleCounts> {
  const byMid = new Map(results.map((result) => [result.mid, result]));
  const tables = [
    ...recordTables(db),
    ...queueTables(db),
    db.rejected,
    db.conflicts,
    db.held,
    db.meta,
  ];
  return db.transaction('rw', tables, async () => {
    const counts: SettleCounts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
    let repull = false;
    const at = now().toISOString();
    const state = await loadSettleState(db, rows);
    const rejected: RejectedRow[] = [];
    const conflicts: ConflictRow[] = [];

    for (const row of rows) {
      const result = byMid.get(row.mid);
      // A row renumbered since it was sent (or already settled) is not what this answers.
      if (!result || !state.stillNumbered(row)) continue;
      const key = keyOf(row.entity, row.id);
      state.deleteOutbox(row.seq, key);
      const newer = state.hasQueued(key);
      const held = state.held.get(key);

      if (isRefusal(result)) {
        counts.rejected++;
        // A numbered row's data no longer changes: the batch's copy is the stored one.
        const { mid, deviceId, entity, id, op, data, baseVersion, queuedAt } = row;
        rejected.push({
          entity,
          id,
          op,
          data,
          baseVersion,
          queuedAt,
          mid,
          deviceId,
          reason: result.error ?? result.status,
          ...(result.reason ? { refusal: result.reason } : {}),
          rejectedAt: at,
          dismissed: 0,
        });
        if (!newer) {
          // The server never took this edit: the full re-pull overwrites the record with the
          // server's copy, or removes it when the server never had it (repull.ts). It stays
          // until then: an earlier edit of it may well have been taken.
          state.deleteHeld(key);
          repull = true;
        }
        continue;
      }

      // A refusal went above: what is left was taken, as it came or merged.
      counts[result.status as Exclude<MutationResult['status'], 'rejected'>]++;
      if (result.status === 'conflict') {
        conflicts.push({
          mid: row.mid,
          entity: row.entity,
          id: row.id,
          version: result.version ?? null,
          detail: result.error ?? null,
          at,
          dismissed: 0,
        });
      }
      // A newer edit of the record stays queued with the base version it was made from.
      if (newer) continue;
      if (held && (result.version === undefined || held.version >= result.version)) {
        state.setRecord(row.entity, row.id, held.record);
      }
      state.deleteHeld(key);
    }

    await state.write();
    if (rejected.length > 0) await db.rejected.bulkAdd(rejected);
    if (conflicts.length > 0) await db.conflicts.bulkAdd(conflicts);
    if (repull) await resetCursor(db);
    return counts;
  });
}

/**
 * What a batch's answers can touch, read in bulk, with the changes made to it, written back in
 * bulk by `write`: the numbering, which of the batch's records still have queued rows (their
 * keys only, from the index), the held records and the local records set aside or removed.
 */
async function loadSettleState(db: FieldInspectorDb, rows: readonly NumberedRow[]) {
  const keys = new Map<string, RecordKey>();
  for (const row of rows) keys.set(keyOf(row.entity, row.id), [row.entity, row.id]);
  const keyList = [...keys.values()];

  // Every queued row of the batch's records, by record, read from the index alone.
  const seqsByKey = new Map<string, Set<number>>();
  if (keyList.length > 0) {
    await db.outbox
      .where('[entity+id]')
      .anyOf(keyList as RecordKey[])
      .eachKey((indexKey, cursor) => {
        const [entity, id] = indexKey as unknown as RecordKey;
        const key = keyOf(entity, id);
        let seqs = seqsByKey.get(key);
        if (!seqs) seqsByKey.set(key, (seqs = new Set()));
        seqs.add(cursor.primaryKey as number);
      });
  }
  const [numbering, heldRows] = await Promise.all([
    readNumbering(db),
    // Usually empty: then nothing is looked up in it.
    db.held
      .count()
      .then((count) => (count === 0 ? [] : db.held.bulkGet(keyList as [string, string][]))),
  ]);
  const held = new Map<string, HeldRow>();
  for (const row of heldRows) if (row) held.set(keyOf(row.entity, row.id), row);

  // Local records set aside or removed, by table; null: deleted.
  const records = new Map<EntityName, Map<string, Record<string, unknown> | null>>();
  const deletedSeqs = new Set<number>();
  const deletedHeld = new Map<string, RecordKey>();

  return {
    held,
    /** The row is still queued, numbered as it was when its batch was taken. */
    stillNumbered(row: NumberedRow): boolean {
      const given = numbering.get(row.seq);
      const queued = seqsByKey.get(keyOf(row.entity, row.id))?.has(row.seq) ?? false;
      return queued && given?.mid === row.mid && given.deviceId === row.deviceId;
    },
    deleteOutbox(seq: number, key: string) {
      seqsByKey.get(key)?.delete(seq);
      deletedSeqs.add(seq);
    },
    /** Whether the record has outbox rows still queued. */
    hasQueued: (key: string) => (seqsByKey.get(key)?.size ?? 0) > 0,
    deleteHeld(key: string) {
      const row = held.get(key);
      if (row) deletedHeld.set(key, [row.entity, row.id]);
      held.delete(key);
    },
    setRecord(entity: EntityName, id: string, record: Record<string, unknown> | null) {
      let map = records.get(entity);
      if (!map) records.set(entity, (map = new Map()));
      map.set(id, record);
    },
    async write() {
      if (deletedSeqs.size > 0) {
        await deleteSeqs(db.outbox, deletedSeqs);
        numbering.remove(deletedSeqs);
        await numbering.save();
      }
      if (deletedHeld.size > 0) await db.held.bulkDelete([...deletedHeld.values()]);
      for (const [entity, states] of records) await writeRecords(db, entity, states);
    },
  };
}

/**
 * Deletes the queue rows `seqs`. A batch's rows are usually all the rows between its first and
 * last seq: then they go as one range, not one delete each.
 */
async function deleteSeqs(table: Table<unknown, number>, seqs: ReadonlySet<number>) {
  let low = Infinity;
  let high = -Infinity;
  for (const seq of seqs) {
    low = Math.min(low, seq);
    high = Math.max(high, seq);
  }
  const range = () => table.where(':id').between(low, high, true, true);
  const present = await range().primaryKeys();
  if (present.every((seq) => seqs.has(seq))) await range().delete();
  else await table.bulkDelete([...seqs]);
}
