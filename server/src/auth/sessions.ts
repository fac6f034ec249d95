// Owns the sessions table: one session per signed-in device, revocable on its own, ending by
// itself when unused for too long or too long after its sign-in.
import { v7 as uuidv7 } from 'uuid';
import type { User } from '../../../domain/schemas/user';
import { userSchema } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { bindDevice } from '../sync/devices';
import { hashToken, newToken } from './tokens';

export interface Session {
  tokenHash: string;
  userId: string;
  deviceId: string;
}

/** What an administrator has decided about the session's account and device (migration 9). */
export interface AccountState {
  deactivated: boolean;
  /** The password is a first (or reset) one that must be changed before anything else. */
  mustChangePassword: boolean;
  /** The device has acknowledged a wipe: nothing more is served to it. */
  deviceWiped: boolean;
  /** A wipe is ordered and not yet acknowledged. */
  wipeOrdered: boolean;
}

// last_seen_at is refreshed at most this often, so that reads do not each cost a write (the idle
// limit is therefore counted to within this much).
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

/** How long a session lives: unused (idle), and at most from its sign-in (absolute). */
export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * An inspector may work offline in the field for days, and the device keeps working after its
 * session ends (the next sync asks for the password), so the limits are in days: two weeks
 * without any contact, and a month from signing in, bound how long a lost laptop's token opens
 * the server.
 */
export const DEFAULT_SESSION_LIMITS: SessionLimits = {
  idleMs: 14 * DAY_MS,
  absoluteMs: 30 * DAY_MS,
};

/** Why a token opens no session. */
export type SessionRefusal = 'unknown' | 'expired';

/**
 * Signs a device in. With `requestedDeviceId` naming a device of this user, the new token is
 * bound to it (its mutation numbering continues) and that device's older sessions end; an
 * unknown or foreign id gets a new device, as does a sign-in without one.
 */
export async function createSession(
  db: Queryable,
  userId: string,
  deviceName: string,
  now: Date,
  requestedDeviceId?: string,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): Promise<{ token: string; deviceId: string }> {
  const token = newToken();
  const deviceId = await bindDevice(db, userId, requestedDeviceId, uuidv7(), deviceName, now);
  await db.query(
    `UPDATE sessions SET revoked_at = $2::timestamptz WHERE device_id = $1::uuid AND revoked_at IS NULL`,
    [deviceId, now.toISOString()],
  );
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, device_id, device_name, created_at, last_seen_at,
       expires_at, idle_timeout_seconds)
     VALUES ($1, $2::uuid, $3::uuid, $4, $5::timestamptz, $5::timestamptz, $6::timestamptz, $7)`,
    [
      hashToken(token),
      userId,
      deviceId,
      deviceName,
      now.toISOString(),
      new Date(now.getTime() + limits.absoluteMs).toISOString(),
      Math.max(1, Math.round(limits.idleMs / 1000)),
    ],
  );
  return { token, deviceId };
}

/**
 * The live session a token opens with its user (null when the user is gone), or why it opens
 * none: unknown (never issued, or revoked) or expired (past one of its limits). One read: every
 * request pays for it, and on the embedded database each statement waits for any push being
 * applied.
 */
export async function findSession(
  db: Queryable,
  token: string,
  now: Date,
): Promise<
  { session: Session; user: User | null; account: AccountState } | { refused: SessionRefusal }
> {
  const tokenHash = hashToken(token);
  const rows = await db.query<{
    user_id: string;
    device_id: string;
    last_seen_at: Date;
    expires_at: Date;
    idle_timeout_seconds: number;
    user_data: unknown;
    deactivated: boolean;
    must_change: boolean;
    device_wiped: boolean;
    wipe_ordered: boolean;
  }>(
    `SELECT s.user_id::text AS user_id, s.device_id::text AS device_id, s.last_seen_at,
       s.expires_at, s.idle_timeout_seconds, u.data AS user_data,
       du.user_id IS NOT NULL AS deactivated, coalesce(c.must_change, false) AS must_change,
       d.wiped_at IS NOT NULL AS device_wiped,
       d.wipe_ordered_at IS NOT NULL AND d.wiped_at IS NULL AS wipe_ordered
     FROM sessions s LEFT JOIN records u ON u.entity = 'user' AND u.id = s.user_id
       LEFT JOIN deactivated_users du ON du.user_id = s.user_id
       LEFT JOIN credentials c ON c.user_id = s.user_id
       LEFT JOIN devices d ON d.device_id = s.device_id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return { refused: 'unknown' };
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (
    now.getTime() >= new Date(row.expires_at).getTime() ||
    now.getTime() - lastSeen >= row.idle_timeout_seconds * 1000
  ) {
    return { refused: 'expired' };
  }
  if (now.getTime() - lastSeen > LAST_SEEN_RESOLUTION_MS) {
    await db.query('UPDATE sessions SET last_seen_at = $2::timestamptz WHERE token_hash = $1', [
      tokenHash,
      now.toISOString(),
    ]);
  }
  return {
    session: { tokenHash, userId: row.user_id, deviceId: row.device_id },
    user: row.user_data ? userSchema.parse(row.user_data) : null,
    account: {
      deactivated: row.deactivated,
      mustChangePassword: row.must_change,
      deviceWiped: row.device_wiped,
      wipeOrdered: row.wipe_ordered,
    },
  };
}

export async function revokeSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.query(
    'UPDATE sessions SET revoked_at = $2::timestamptz WHERE token_hash = $1 AND revoked_at IS NULL',
    [tokenHash, now.toISOString()],
  );
}

/** Revokes every session of a device; returns how many were live. */
export async function revokeDeviceSessions(
  db: Queryable,
  deviceId: string,
  now: Date,
): Promise<number> {
  const rows = await db.query<{ token_hash: string }>(
    `UPDATE sessions SET revoked_at = $2::timestamptz
     WHERE device_id = $1::uuid AND revoked_at IS NULL RETURNING token_hash`,
    [deviceId, now.toISOString()],
  );
  return rows.length;
}

/** Revokes every session of a user (after a password reset); returns how many were live. */
export async function revokeUserSessions(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<number> {
  const rows = await db.query<{ token_hash: string }>(
    `UPDATE sessions SET revoked_at = $2::timestamptz
     WHERE user_id = $1::uuid AND revoked_at IS NULL RETURNING token_hash`,
    [userId, now.toISOString()],
  );
  return rows.length;
}
