import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { readNumbering } from '../../renderer/src/db/outbox/numbering';
import type { Numbering } from '../../renderer/src/db/outbox/numbering';

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

/** Changes the stored mids in a transaction of their own, as taking or settling a batch does. */
export function changeNumbering(db: FieldInspectorDb, edit: (numbering: Numbering) => void) {
  return db.transaction('rw', db.outboxNumbering, async () => {
    const numbering = await readNumbering(db);
    edit(numbering);
    await numbering.save();
  });
}
