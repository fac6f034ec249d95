// Owns what an administrator decides about an account beyond its record (migration 9): whether it
// is deactivated, and whether its password is a first one to be changed at the next sign-in.
import type { Queryable } from '../db/database';

export interface Account {
  deactivated: boolean;
  mustChangePassword: boolean;
}

export async function accountOf(db: Queryable, userId: string): Promise<Account> {
  const [row] = await db.query<{ deactivated: boolean; must_change: boolean | null }>(
    `SELECT EXISTS (SELECT 1 FROM deactivated_users WHERE user_id = $1::uuid) AS deactivated,
       (SELECT must_change FROM credentials WHERE user_id = $1::uuid) AS must_change`,
    [userId],
  );
  return { deactivated: row?.deactivated ?? false, mustChangePassword: row?.must_change ?? false };
}

/** The accounts of many users at once, by user id (absent: active, no change required). */
export async function accountsOf(db: Queryable): Promise<Map<string, Account>> {
  const rows = await db.query<{ user_id: string; deactivated: boolean; must_change: boolean }>(
    `SELECT u.id::text AS user_id, du.user_id IS NOT NULL AS deactivated,
       coalesce(c.must_change, false) AS must_change
     FROM records u LEFT JOIN deactivated_users du ON du.user_id = u.id
       LEFT JOIN credentials c ON c.user_id = u.id
     WHERE u.entity = 'user'`,
  );
  return new Map(
    rows.map((r) => [r.user_id, { deactivated: r.deactivated, mustChangePassword: r.must_change }]),
  );
}

export async function setDeactivated(
  tx: Queryable,
  userId: string,
  deactivated: boolean,
  by: string,
  now: Date,
): Promise<void> {
  if (deactivated) {
    await tx.query(
      `INSERT INTO deactivated_users (user_id, at, by) VALUES ($1::uuid, $2::timestamptz, $3::uuid)
       ON CONFLICT (user_id) DO NOTHING`,
      [userId, now.toISOString(), by],
    );
  } else {
    await tx.query('DELETE FROM deactivated_users WHERE user_id = $1::uuid', [userId]);
  }
}

export async function requirePasswordChange(tx: Queryable, userId: string): Promise<void> {
  await tx.query('UPDATE credentials SET must_change = true WHERE user_id = $1::uuid', [userId]);
}

/** Whether the device has acknowledged a wipe (it is then served nothing more). */
export async function isWipedDevice(db: Queryable, deviceId: string): Promise<boolean> {
  const [row] = await db.query<{ wiped: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM devices WHERE device_id = $1::uuid AND wiped_at IS NOT NULL) AS wiped',
    [deviceId],
  );
  return row?.wiped ?? false;
}
