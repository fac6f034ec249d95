// The outbox: local changes waiting to be pushed, and their mutation ids. A local write and its
// outbox row always go in one transaction, so no change is ever stored without being queued (or
// queued without being stored). A batch numbers its rows 1, 2, 3… per device id, without gaps,
// in the same transaction that takes them, so that a retried batch resends the very same mids
// and the server answers a batch it already applied with `duplicate`.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import { entitySchemas } from '../../../../domain/schemas/entities';
import { MAX_PUSH_MUTATIONS } from '../../../../domain/sync/protocol';
import type { Mutation } from '../../../../domain/sync/protocol';
import { entityTables } from '../database';
import type { FieldInspectorDb, OutboxRow } from '../database';
import { getLastMid, putLastMid } from './meta';

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
): Promise<void> {
  const parsed = entitySchemas[entity].parse(record) as EntityRecord<E>;
  const data = parsed as unknown as Record<string, unknown>;
  const table = db.table(entityTables[entity]);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.put(parsed);
    const queued = await db.outbox
      .where('[entity+id]')
      .equals([entity, parsed.id])
      .filter((row) => row.mid === undefined && row.op === 'upsert')
      .last();
    if (queued?.seq !== undefined) {
      await db.outbox.update(queued.seq, { data, queuedAt: now().toISOString() });
      return;
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
 */
export async function takeBatch(
  db: FieldInspectorDb,
  deviceId: string,
  limits: BatchLimits = defaultBatchLimits,
  afterMid = 0,
): Promise<Batch | null> {
  return db.transaction('rw', db.outbox, db.meta, async () => {
    const numbered = await db.outbox.where('mid').above(0).toArray();
    const stale = numbered.filter((row) => row.deviceId !== deviceId);
    if (stale.length > 0) {
      // Without its mid and device id the row goes back to unnumbered.
      await db.outbox.bulkPut(
        stale.map(({ mid: _mid, deviceId: _deviceId, ...row }) => row as OutboxRow),
      );
    }
    const mine = numbered.filter((row) => row.deviceId === deviceId) as NumberedRow[];
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
    for (const row of inFlight) {
      if (!take(row)) break;
    }
    if (rows.length === inFlight.length) {
      let lastMid = await getLastMid(db, deviceId);
      // The head of the queue in seq order, in one read: at most mine.length of its rows
      // carry a mid, so it holds every unnumbered row the batch still has room for.
      const room = limits.maxMutations - rows.length;
      const head = room > 0 ? await db.outbox.limit(mine.length + room).toArray() : [];
      const fresh = head.filter((row) => row.mid === undefined).slice(0, room);
      const numberedNow: NumberedRow[] = [];
      for (const row of fresh) {
        const candidate = { ...row, seq: row.seq!, mid: lastMid + 1, deviceId };
        if (!take(candidate)) break;
        numberedNow.push(candidate);
        lastMid++;
      }
      if (numberedNow.length > 0) {
        await db.outbox.bulkPut(numberedNow);
        await putLastMid(db, deviceId, lastMid);
      }
    }
    return rows.length === 0 ? null : { rows, mutations: rows.map(toMutation) };
  });
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
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const inFlight = (await db.outbox.where('mid').above(serverLastMid).toArray()).filter(
      (row) => row.deviceId === deviceId,
    );
    let mid = serverLastMid;
    const renumbered = inFlight.map((row) => ({ ...row, mid: ++mid }));
    if (renumbered.length > 0) await db.outbox.bulkPut(renumbered);
    await putLastMid(db, deviceId, mid);
  });
}
