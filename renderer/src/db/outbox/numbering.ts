// The mids given to outbox rows by the batches that took them. They are stored as one row per
// numbering (the rows one take numbered, with their mids and device id), not one row per outbox
// row: taking a batch of 500 writes one small row, and settling its answer rewrites or deletes
// it. An entry stays until its outbox row is answered or numbered afresh for another device id.
// Only the outbox's own modules (taking, settling, queueing) read or change it, always inside the
// transaction that changes the outbox rows with it. Also owns the last mid numbered for each
// device id (a row of the `meta` table), written only by the transaction that numbers rows.
import type { FieldInspectorDb, OutboxNumberingRow } from '../database';

/** An outbox row's numbering: its mid for the device id it was numbered for. */
export interface NumberedSeq {
  seq: number;
  mid: number;
  deviceId: string;
}

export interface Numbering {
  /** The row's numbering, when a batch numbered it. */
  get(seq: number): NumberedSeq | undefined;
  /** Every numbered row. */
  all(): NumberedSeq[];
  /** Numbers rows (one take's): stored as one row per device id. */
  add(entries: readonly NumberedSeq[]): void;
  /** The rows lose their mids (answered, or to be numbered afresh). */
  remove(seqs: Iterable<number>): void;
  /** Gives a numbered row another mid. */
  renumber(seq: number, mid: number): void;
  /** Writes what changed: the stored rows touched are rewritten, or deleted once empty. */
  save(): Promise<void>;
}

interface Entry {
  mid: number;
  deviceId: string;
  /** The stored row holding it; undefined for an entry added since the rows were read. */
  rowId: number | undefined;
}

/** Reads every numbering row (a handful: one per batch taken and not yet fully answered). */
export async function readNumbering(db: FieldInspectorDb): Promise<Numbering> {
  const stored = await db.outboxNumbering.toArray();
  const entries = new Map<number, Entry>();
  for (const row of stored) {
    row.seqs.forEach((seq, i) => {
      entries.set(seq, { mid: row.mids[i]!, deviceId: row.deviceId, rowId: row.id });
    });
  }
  const dirty = new Set<number>();

  return {
    get(seq) {
      const entry = entries.get(seq);
      return entry && { seq, mid: entry.mid, deviceId: entry.deviceId };
    },
    all: () => [...entries].map(([seq, { mid, deviceId }]) => ({ seq, mid, deviceId })),
    add(list) {
      for (const item of list) {
        const before = entries.get(item.seq);
        if (before?.rowId !== undefined) dirty.add(before.rowId);
        entries.set(item.seq, { mid: item.mid, deviceId: item.deviceId, rowId: undefined });
      }
    },
    remove(seqs) {
      for (const seq of seqs) {
        const entry = entries.get(seq);
        if (!entry) continue;
        if (entry.rowId !== undefined) dirty.add(entry.rowId);
        entries.delete(seq);
      }
    },
    renumber(seq, mid) {
      const entry = entries.get(seq);
      if (!entry) return;
      entry.mid = mid;
      if (entry.rowId !== undefined) dirty.add(entry.rowId);
    },
    async save() {
      const kept = new Map<number, OutboxNumberingRow>();
      for (const id of dirty) {
        const row = stored.find((r) => r.id === id);
        if (row) kept.set(id, { id, deviceId: row.deviceId, seqs: [], mids: [] });
      }
      const added = new Map<string, OutboxNumberingRow>();
      for (const [seq, entry] of entries) {
        let row: OutboxNumberingRow | undefined;
        if (entry.rowId !== undefined) row = kept.get(entry.rowId);
        else {
          row = added.get(entry.deviceId);
          if (!row)
            added.set(entry.deviceId, (row = { deviceId: entry.deviceId, seqs: [], mids: [] }));
        }
        // An entry of a row nothing changed in stays as stored.
        if (!row) continue;
        row.seqs.push(seq);
        row.mids.push(entry.mid);
      }
      const emptied = [...kept.values()].filter((row) => row.seqs.length === 0);
      const rewritten = [...kept.values()].filter((row) => row.seqs.length > 0);
      if (emptied.length > 0) await db.outboxNumbering.bulkDelete(emptied.map((row) => row.id!));
      if (rewritten.length > 0) await db.outboxNumbering.bulkPut(rewritten);
      if (added.size > 0) await db.outboxNumbering.bulkAdd([...added.values()]);
    },
  };
}

const midKey = (deviceId: string) => `sync.lastMid.${deviceId}`;

/** The last mutation id numbered for `deviceId` (0 before the first). */
export async function getLastMid(db: FieldInspectorDb, deviceId: string): Promise<number> {
  const row = await db.meta.get(midKey(deviceId));
  return typeof row?.value === 'number' ? row.value : 0;
}

/** Call inside the transaction that numbers the outbox rows up to `mid`. */
export async function putLastMid(
  db: FieldInspectorDb,
  deviceId: string,
  mid: number,
): Promise<void> {
  await db.meta.put({ key: midKey(deviceId), value: mid });
}
