// Reads what administrators see of devices and sessions: every device with its user, name, when
// it was last seen and last synced, how many unsent changes it last reported, its sessions, its
// revocation and wipe, and whether its user's law-enforcement certificate is about to expire.
import { addDays, todayInChina } from '../../../domain/rules/calendar-date';
import { CERTIFICATE_WARNING_DAYS } from '../../../domain/schemas/admin';
import { userSchema } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/** Whether a certificate's last valid day falls within the warning period (or has passed). */
export function certificateExpiring(expiresOn: string | null | undefined, now: Date): boolean {
  if (!expiresOn) return false;
  return expiresOn <= addDays(todayInChina(now), CERTIFICATE_WARNING_DAYS);
}

export async function listDevices(db: Queryable, now: Date) {
  const devices = await db.query<{
    device_id: string;
    user_id: string;
    user_data: unknown;
    name: string;
    created_at: Date;
    last_push_at: Date | null;
    last_sync_at: Date | null;
    unsent_count: number | null;
    unsent_reported_at: Date | null;
    revoked_at: Date | null;
    wipe_ordered_at: Date | null;
    wiped_at: Date | null;
  }>(
    `SELECT d.device_id::text AS device_id, d.user_id::text AS user_id, u.data AS user_data, d.name,
       d.created_at, d.last_push_at, d.last_sync_at, d.unsent_count, d.unsent_reported_at,
       d.revoked_at, d.wipe_ordered_at, d.wiped_at
     FROM devices d LEFT JOIN records u ON u.entity = 'user' AND u.id = d.user_id
     ORDER BY d.created_at DESC`,
  );
  const sessions = await db.query<{
    id: string;
    device_id: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    revoked_at: Date | null;
  }>(
    `SELECT md5(token_hash) AS id, device_id::text AS device_id, created_at, last_seen_at,
       expires_at, revoked_at FROM sessions ORDER BY created_at DESC`,
  );
  return devices.map((d) => {
    const user = d.user_data ? userSchema.parse(d.user_data) : null;
    const own = sessions.filter((s) => s.device_id === d.device_id);
    const lastSeen = own.reduce<number | null>(
      (max, s) => Math.max(max ?? 0, new Date(s.last_seen_at).getTime()),
      null,
    );
    return {
      deviceId: d.device_id,
      name: d.name,
      user: user && {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        certificateNo: user.certificateNo,
        certificateExpiresOn: user.certificateExpiresOn ?? null,
        certificateExpiring: certificateExpiring(user.certificateExpiresOn, now),
      },
      createdAt: iso(d.created_at),
      lastSeenAt: lastSeen === null ? null : new Date(lastSeen).toISOString(),
      lastSyncAt: iso(d.last_sync_at ?? d.last_push_at),
      unsentCount: d.unsent_count,
      unsentReportedAt: iso(d.unsent_reported_at),
      revokedAt: iso(d.revoked_at),
      wipeOrderedAt: iso(d.wipe_ordered_at),
      wipedAt: iso(d.wiped_at),
      sessions: own.map((s) => ({
        id: s.id,
        createdAt: iso(s.created_at),
        lastSeenAt: iso(s.last_seen_at),
        expiresAt: iso(s.expires_at),
        revokedAt: iso(s.revoked_at),
        live: s.revoked_at === null && new Date(s.expires_at).getTime() > now.getTime(),
      })),
    };
  });
}
