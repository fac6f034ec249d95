import type { FieldInspectorDb } from '../../renderer/src/db/database';

/** The outbox in queue order, each row with its mid and device id (undefined until numbered). */
export async function queuedRows(db: FieldInspectorDb) {
  const [rows, mids] = await Promise.all([
    db.outbox.orderBy('seq').toArray(),
    db.outboxMids.toArray(),
  ]);
  const bySeq = new Map(mids.map((m) => [m.seq, m]));
  return rows.map((row) => ({
    ...row,
    mid: bySeq.get(row.seq!)?.mid,
    deviceId: bySeq.get(row.seq!)?.deviceId,
  }));
}
