// Owns the devices table: each device numbers its mutations 1, 2, 3…; last_mid is the highest
// mid the server has answered, kept across sign-ins of the same device.
import type { Queryable } from '../db/database';

/** The device a sign-in binds its token to: `requested` if it is this user's, else a new one. */
export async function bindDevice(
  db: Queryable,
  userId: string,
  requested: string | undefined,
  newId: string,
  name: string,
  now: Date,
): Promise<string> {
  if (requested) {
    const rows = await db.query<{ device_id: string }>(
      `UPDATE devices SET name = $3 WHERE device_id = $1::uuid AND user_id = $2::uuid
       RETURNING device_id::text AS device_id`,
      [requested, userId, name],
    );
    if (rows[0]) return rows[0].device_id;
  }
  await db.query(
    `INSERT INTO devices (device_id, user_id, name, last_mid, created_at)
     VALUES ($1::uuid, $2::uuid, $3, 0, $4::timestamptz)`,
    [newId, userId, name, now.toISOString()],
  );
  return newId;
}

/**
 * Locks the device's row for the rest of the transaction (pushes of one device run one at a
 * time) and returns its last mid. A session made before devices existed gets its row here.
 */
export async function lockDevice(tx: Queryable, deviceId: string, userId: string, now: Date) {
  await tx.query(
    `INSERT INTO devices (device_id, user_id, name, last_mid, created_at)
     VALUES ($1::uuid, $2::uuid, '', 0, $3::timestamptz) ON CONFLICT (device_id) DO NOTHING`,
    [deviceId, userId, now.toISOString()],
  );
  const rows = await tx.query<{ last_mid: number }>(
    'SELECT last_mid FROM devices WHERE device_id = $1::uuid FOR UPDATE',
    [deviceId],
  );
  return rows[0]?.last_mid ?? 0;
}

export async function setLastMid(
  tx: Queryable,
  deviceId: string,
  lastMid: number,
  now: Date,
): Promise<void> {
  await tx.query(
    'UPDATE devices SET last_mid = $2, last_push_at = $3::timestamptz WHERE device_id = $1::uuid',
    [deviceId, lastMid, now.toISOString()],
  );
}

/** The user each device belongs to (for naming the losing side of a conflict). */
export async function deviceUsers(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ device_id: string; user_id: string }>(
    `SELECT device_id::text AS device_id, user_id::text AS user_id FROM devices
     WHERE device_id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.device_id, r.user_id]));
}
