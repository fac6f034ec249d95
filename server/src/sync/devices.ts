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
      // A device an administrator revoked or had wiped is never taken up again: a new one is.
      `UPDATE devices SET name = $3 WHERE device_id = $1::uuid AND user_id = $2::uuid
         AND revoked_at IS NULL AND wiped_at IS NULL
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

/**
 * A successful sync of the device (a push, or a page of a pull): when, and how many changes it
 * says it still holds unsent, when it says so. What administrators see of the device.
 */
export async function noteSync(
  db: Queryable,
  deviceId: string,
  now: Date,
  unsent: number | undefined,
): Promise<void> {
  await db.query(
    `UPDATE devices SET last_sync_at = $2::timestamptz,
       unsent_count = coalesce($3::int, unsent_count),
       unsent_reported_at = CASE WHEN $3::int IS NULL THEN unsent_reported_at ELSE $2::timestamptz END
     WHERE device_id = $1::uuid`,
    [deviceId, now.toISOString(), unsent ?? null],
  );
}

/**
 * The device has sent what it held and deletes its data: the wipe is done, and its sessions end.
 * Only a wipe that was ordered is acknowledged; returns whether one was.
 */
export async function acknowledgeWipe(tx: Queryable, deviceId: string, now: Date) {
  const rows = await tx.query<{ device_id: string }>(
    `UPDATE devices SET wiped_at = $2::timestamptz
     WHERE device_id = $1::uuid AND wipe_ordered_at IS NOT NULL AND wiped_at IS NULL
     RETURNING device_id::text AS device_id`,
    [deviceId, now.toISOString()],
  );
  if (rows.length === 0) return false;
  await tx.query(
    `UPDATE sessions SET revoked_at = $2::timestamptz WHERE device_id = $1::uuid AND revoked_at IS NULL`,
    [deviceId, now.toISOString()],
  );
  return true;
}
