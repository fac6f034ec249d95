import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { readNumbering } from '../../renderer/src/db/repositories/outbox-numbering';

/** The outbox in queue order, each row with its mid and device id (undefined until numbered). */
export async function queuedRows(db: FieldInspectorDb) {
  return db.transaction('r', db.outbox, db.outboxNumbering, async () => {
    const [rows, numbering] = await Promise.all([
      db.outbox.orderBy('seq').toArray(),
      readNumbering(db),
    ]);
    return rows.map((row) => ({
      ...row,
      mid: numbering.get(row.seq!)?.mid,
      deviceId: numbering.get(row.seq!)?.deviceId,
    }));
  });
}
