// Taking a batch from the head of the outbox queue. A batch numbers its rows 1, 2, 3… per device
// id, without gaps, in the same transaction that takes them, so that a retried batch resends the
// very same mids and the server answers a batch it already applied with `duplicate`. The mids
// live apart from the rows (numbering.ts): a numbered row's data never changes again.
import { MAX_PUSH_MUTATIONS } from '../../../../domain/sync/protocol';
import type { Mutation } from '../../../../domain/sync/protocol';
import type { FieldInspectorDb, OutboxRow } from '../database';
import { getLastMid, putLastMid, readNumbering } from './numbering';
import type { NumberedSeq } from './numbering';

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
