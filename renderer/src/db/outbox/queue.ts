// The outbox: local changes waiting to be pushed, and their mutation ids. A local write and its
// outbox row always go in one transaction, so no change is ever stored without being queued (or
// queued without being stored). A batch numbers its rows 1, 2, 3… per device id, without gaps,
// in the same transaction that takes them, so that a retried batch resends the very same mids
// and the server answers a batch it already applied with `duplicate`. The mids live apart from
// the rows (outbox-numbering.ts): a numbered row's data never changes again.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import { entitySchemas } from '../../../../domain/schemas/entities';
import { MAX_PUSH_MUTATIONS } from '../../../../domain/sync/protocol';
import type { Mutation } from '../../../../domain/sync/protocol';
import { entityTables } from '../database';
import type { FieldInspectorDb, OutboxRow } from '../database';
import { getLastMid, putLastMid } from './meta';
import { readNumbering } from './outbox-numbering';
import type { NumberedSeq } from './outbox-numbering';

/** About 1 MB of JSON per push, under any sensible request-body limit of the server. */
export const MAX_BATCH_BYTES = 1_000_000;

export interface BatchLimits {
  maxMutations: number;
  maxBytes: number;
}

export const defaultBatchLimits: BatchLimits = {
  maxMutations: MAX_PUSH_MUTATIONS,
  maxBytes: MAX_BATCH_BYTES,
};

/** Outbox rows that carry a mid: their mid and seq are set. */
export type NumberedRow = OutboxRow & { seq: number; mid: number; deviceId: string };

export interface Batch {
  rows: NumberedRow[];
  mutations: Mutation[];
}

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
  now: () => Date = () => new Date(),
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

function toMutation(row: NumberedRow): Mutation {
  return {
    mid: row.mid,
    entity: row.entity,
    id: row.id,
    op: row.op,
    data: row.data,
    baseVersion: row.baseVersion,
  };
}

const encoder = new TextEncoder();
const sizeOf = (mutation: Mutation) => encoder.encode(JSON.stringify(mutation)).length + 1;

/**
 * Takes the next batch for `deviceId`: first the rows numbered earlier and not yet answered (with
 * their mids unchanged), then unnumbered rows in queue order, numbered after the device's last
 * mid. Rows numbered for another device id (the server gave this profile a new one) are numbered
 * afresh. Returns null when the outbox is empty. Rows numbered at or below `afterMid` are left out:
 * they belong to a batch sent before, whose answer is still to be settled.
 *
 * Only the rows the batch takes are read whole; the rest of the queue is read as keys.
 */
export async function takeBatch(
  db: FieldInspectorDb,
  deviceId: string,
  limits: BatchLimits = defaultBatchLimits,
  afterMid = 0,
): Promise<Batch | null> {
  return db.transaction('rw', db.outbox, db.outboxNumbering, db.meta, async () => {
    const numbering = await readNumbering(db);
    const numbered = numbering.all();
    // Without its mid the row goes back to unnumbered.
    numbering.remove(numbered.filter((row) => row.deviceId !== deviceId).map((row) => row.seq));
    const mine = numbered.filter((row) => row.deviceId === deviceId).sort((a, b) => a.mid - b.mid);
    const inFlight = mine.filter((row) => row.mid > afterMid);

    const rows: NumberedRow[] = [];
    let bytes = 0;
    /** Adds the row when it fits the limits (the first row always does). */
    const take = (row: NumberedRow): boolean => {
      const size = sizeOf(toMutation(row));
      if (
        rows.length > 0 &&
        (rows.length >= limits.maxMutations || bytes + size > limits.maxBytes)
      ) {
        return false;
      }
      rows.push(row);
      bytes += size;
      return true;
    };
    const found = await db.outbox.bulkGet(inFlight.map((row) => row.seq));
    // A mid whose row is gone has nothing to send (settling removes both; this only tidies).
    numbering.remove(inFlight.filter((_, i) => found[i] === undefined).map((row) => row.seq));
    const resend = inFlight.flatMap((given, i) => {
      const row = found[i];
      return row ? [{ ...row, ...given }] : [];
    });
    for (const row of resend) {
      if (!take(row)) break;
    }
    if (rows.length === resend.length) {
      let lastMid = await getLastMid(db, deviceId);
      const room = limits.maxMutations - rows.length;
      const fresh = room > 0 ? await unnumberedHead(db, mine, room) : [];
      const numberedNow: NumberedSeq[] = [];
      for (const row of fresh) {
        if (row.seq === undefined) continue;
        const given = { seq: row.seq, mid: lastMid + 1, deviceId };
        if (!take({ ...row, ...given })) break;
        numberedNow.push(given);
        lastMid++;
      }
      if (numberedNow.length > 0) {
        numbering.add(numberedNow);
        await putLastMid(db, deviceId, lastMid);
      }
    }
    await numbering.save();
    return rows.length === 0 ? null : { rows, mutations: rows.map(toMutation) };
  });
}

/**
 * The first `count` queued rows without a mid, in seq order. Batches number the head of the
 * queue, so the numbered rows are nearly always its first ones: the rows after the last of them
 * come in one range read, and only unnumbered rows before it (rare) are read one by one.
 */
async function unnumberedHead(
  db: FieldInspectorDb,
  numbered: readonly NumberedSeq[],
  count: number,
): Promise<OutboxRow[]> {
  const numberedSeqs = new Set(numbered.map((row) => row.seq));
  let last = -1;
  for (const seq of numberedSeqs) last = Math.max(last, seq);
  const before =
    last < 0
      ? []
      : (await db.outbox.where('seq').belowOrEqual(last).primaryKeys())
          .filter((seq) => !numberedSeqs.has(seq))
          .slice(0, count);
  const gaps = (await db.outbox.bulkGet(before)).filter((row) => row !== undefined);
  const rest = count - gaps.length;
  const after = rest > 0 ? await db.outbox.where('seq').above(last).limit(rest).toArray() : [];
  return [...gaps, ...after];
}

/**
 * After the server said its last mid for this device is `serverLastMid` and refused a batch for
 * a gap (a server restored from an older backup), numbers the unanswered rows again right after
 * it. Rows at or below `serverLastMid` are left alone: the server has them.
 */
export async function renumberAfter(
  db: FieldInspectorDb,
  deviceId: string,
  serverLastMid: number,
): Promise<void> {
  await db.transaction('rw', db.outboxNumbering, db.meta, async () => {
    const numbering = await readNumbering(db);
    const inFlight = numbering
      .all()
      .filter((row) => row.deviceId === deviceId && row.mid > serverLastMid)
      .sort((a, b) => a.mid - b.mid);
    let mid = serverLastMid;
    for (const row of inFlight) numbering.renumber(row.seq, ++mid);
    await numbering.save();
    await putLastMid(db, deviceId, mid);
  });
}
