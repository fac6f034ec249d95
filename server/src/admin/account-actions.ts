// Administrative actions on accounts and devices that live outside the records: deactivating and
// reactivating a user, resetting a password, revoking sessions and devices, ordering a wipe. Each
// runs in one transaction with its audit entry; the record history of the user is never touched.
import type { Database } from '../db/database';
import { revokeDeviceSessions, revokeUserSessions } from '../auth/sessions';
import { clearLoginFailures } from '../auth/login-rate-limit';
import { ApiError } from '../http/api-error';
import { readRecord } from '../sync/record-store';
import { accountOf, requirePasswordChange, setDeactivated } from '../users/account-state';
import { setPasswordHash } from '../users/user-store';
import { adminWrite } from './directory-writes';

const notFound = (what: string, id: string) =>
  new ApiError(404, 'not_found', `There is no ${what} ${id}.`);

export async function setUserActive(
  db: Database,
  actorId: string,
  userId: string,
  active: boolean,
  now: Date,
): Promise<{ active: boolean }> {
  if (!active && userId === actorId) {
    throw new ApiError(
      409,
      'own_account',
      'An administrator does not deactivate their own account.',
    );
  }
  return adminWrite(db, now, async (tx, audit) => {
    if (!(await readRecord(tx, 'user', userId))) throw notFound('user', userId);
    const before = await accountOf(tx, userId);
    await setDeactivated(tx, userId, !active, actorId, now);
    await audit({
      actorId,
      action: active ? 'user.reactivate' : 'user.deactivate',
      targetKind: 'user',
      targetId: userId,
      before: { active: !before.deactivated },
      after: { active },
    });
    return { active };
  });
}

/** A new first password, to be changed at the next sign-in; every session of the user ends. */
export async function resetUserPassword(
  db: Database,
  actorId: string,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<{ revokedSessions: number }> {
  return adminWrite(db, now, async (tx, audit) => {
    const user = await readRecord(tx, 'user', userId);
    if (!user) throw notFound('user', userId);
    await setPasswordHash(tx, userId, passwordHash, now);
    await requirePasswordChange(tx, userId);
    await clearLoginFailures(tx, user.username);
    const revokedSessions = await revokeUserSessions(tx, userId, now);
    await audit({
      actorId,
      action: 'user.resetPassword',
      targetKind: 'user',
      targetId: userId,
      after: { revokedSessions, mustChangePassword: true },
    });
    return { revokedSessions };
  });
}

/** Ends one session, named by its public id (md5 of its token's hash). */
export async function revokeSessionById(
  db: Database,
  actorId: string,
  sessionId: string,
  now: Date,
) {
  return adminWrite(db, now, async (tx, audit) => {
    const rows = await tx.query<{ device_id: string; user_id: string }>(
      `UPDATE sessions SET revoked_at = $2::timestamptz
       WHERE md5(token_hash) = $1 AND revoked_at IS NULL
       RETURNING device_id::text AS device_id, user_id::text AS user_id`,
      [sessionId, now.toISOString()],
    );
    const row = rows[0];
    if (!row) throw notFound('live session', sessionId);
    await audit({
      actorId,
      action: 'session.revoke',
      targetKind: 'session',
      targetId: sessionId,
      after: { deviceId: row.device_id, userId: row.user_id },
    });
  });
}

async function lockedDevice(tx: Parameters<Parameters<typeof adminWrite>[2]>[0], deviceId: string) {
  const [device] = await tx.query<{
    user_id: string;
    wiped_at: Date | null;
    revoked_at: Date | null;
  }>(
    'SELECT user_id::text AS user_id, wiped_at, revoked_at FROM devices WHERE device_id = $1::uuid FOR UPDATE',
    [deviceId],
  );
  if (!device) throw notFound('device', deviceId);
  return device;
}

/** The device's sessions end and it is never taken up again (a sign-in there gets a new device). */
export async function revokeDevice(db: Database, actorId: string, deviceId: string, now: Date) {
  return adminWrite(db, now, async (tx, audit) => {
    const device = await lockedDevice(tx, deviceId);
    await tx.query(
      'UPDATE devices SET revoked_at = coalesce(revoked_at, $2::timestamptz) WHERE device_id = $1::uuid',
      [deviceId, now.toISOString()],
    );
    const revokedSessions = await revokeDeviceSessions(tx, deviceId, now);
    await audit({
      actorId,
      action: 'device.revoke',
      targetKind: 'device',
      targetId: deviceId,
      after: { userId: device.user_id, revokedSessions },
    });
    return { revokedSessions };
  });
}

/**
 * Orders the device wiped: at its next contact it is told so, pushes what it still holds, then
 * acknowledges, deletes its local data and signs out. Its sessions stay live until then, or the
 * device could never send its last changes.
 */
export async function orderWipe(db: Database, actorId: string, deviceId: string, now: Date) {
  return adminWrite(db, now, async (tx, audit) => {
    const device = await lockedDevice(tx, deviceId);
    if (device.wiped_at)
      throw new ApiError(409, 'device_wiped', 'This device has been wiped already.');
    await tx.query(
      `UPDATE devices SET wipe_ordered_at = coalesce(wipe_ordered_at, $2::timestamptz),
         wipe_ordered_by = coalesce(wipe_ordered_by, $3::uuid) WHERE device_id = $1::uuid`,
      [deviceId, now.toISOString(), actorId],
    );
    await audit({
      actorId,
      action: 'device.wipe',
      targetKind: 'device',
      targetId: deviceId,
      after: { userId: device.user_id },
    });
  });
}
