// Migration 6: sessions end on their own, and sign-in throttling counts per account and address.
// Each session carries the limits it was issued with (when it ends at the latest, and how long it
// may go unused), so every server process sharing the database ends it at the same moment.
// Sessions from before get the default limits, counted from their sign-in and last use. A login
// attempt is recorded before its password is checked (succeeded is null until then), so that
// parallel guesses cannot all pass the throttle; `network` is the address it is counted under
// (an IPv6 address's /64, which one subscriber usually holds whole).
export const sessionLimitsMigration = {
  version: 6,
  name: 'sessions: expiry limits; login attempts: pending state and network',
  sql: [
    `ALTER TABLE sessions ADD COLUMN expires_at timestamptz`,
    `ALTER TABLE sessions ADD COLUMN idle_timeout_seconds integer`,
    `UPDATE sessions SET expires_at = created_at + interval '30 days',
       idle_timeout_seconds = 14 * 24 * 60 * 60`,
    `ALTER TABLE sessions ALTER COLUMN expires_at SET NOT NULL`,
    `ALTER TABLE sessions ALTER COLUMN idle_timeout_seconds SET NOT NULL`,
    `ALTER TABLE login_attempts ALTER COLUMN succeeded DROP NOT NULL`,
    `ALTER TABLE login_attempts ADD COLUMN network text`,
    `UPDATE login_attempts SET network = ip`,
    `ALTER TABLE login_attempts ALTER COLUMN network SET NOT NULL`,
    `DROP INDEX login_attempts_ip_at`,
    `CREATE INDEX login_attempts_network_at ON login_attempts (network, at)`,
    `CREATE INDEX login_attempts_pair_at ON login_attempts (username, network, at)`,
    `CREATE INDEX login_attempts_at ON login_attempts (at)`,
  ],
};
