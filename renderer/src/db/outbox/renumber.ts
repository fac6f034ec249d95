// Renumbering the outbox after the server refused a batch for a gap in its mids (a server
// restored from an older backup): the unanswered rows get the mids right after the server's last.
import type { FieldInspectorDb } from '../database';
import { putLastMid, readNumbering } from './numbering';

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
