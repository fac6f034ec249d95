// Owns the login_attempts table: login rate limits counted in the database, so that several
// server processes sharing one PostgreSQL enforce one limit.
import type { Queryable } from '../db/database';

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Consecutive failures for one username within the window before further attempts wait. */
export const MAX_FAILURES_PER_USERNAME = 5;
/** Failures from one address within the window, whatever the usernames. */
export const MAX_FAILURES_PER_IP = 20;

/**
 * How many seconds the caller must wait before trying again, or 0 if it may try now. Attempts
 * refused here are not recorded, so waiting always ends.
 */
export async function loginRetryAfter(
  db: Queryable,
  username: string,
  ip: string,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  // The failures since the last success for this username, newest first.
  const byUser = await db.query<{ at: Date }>(
    `SELECT at FROM login_attempts
     WHERE username = $1 AND at > $2::timestamptz AND NOT succeeded
       AND at > coalesce((SELECT max(at) FROM login_attempts WHERE username = $1 AND succeeded),
                         '-infinity'::timestamptz)
     ORDER BY at DESC LIMIT $3`,
    [username, since, MAX_FAILURES_PER_USERNAME],
  );
  const byIp = await db.query<{ at: Date }>(
    `SELECT at FROM login_attempts WHERE ip = $1 AND at > $2::timestamptz AND NOT succeeded
     ORDER BY at DESC LIMIT $3`,
    [ip, since, MAX_FAILURES_PER_IP],
  );
  // Blocked until the oldest failure that makes up the limit leaves the window.
  const waits = [
    byUser.length >= MAX_FAILURES_PER_USERNAME ? byUser[byUser.length - 1]?.at : undefined,
    byIp.length >= MAX_FAILURES_PER_IP ? byIp[byIp.length - 1]?.at : undefined,
  ]
    .filter((at): at is Date => at !== undefined)
    .map((at) => new Date(at).getTime() + LOGIN_WINDOW_MS - now.getTime());
  return waits.length === 0 ? 0 : Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}

export async function recordLoginAttempt(
  db: Queryable,
  attempt: { username: string; ip: string; succeeded: boolean },
  now: Date,
): Promise<void> {
  await db.query(
    'INSERT INTO login_attempts (username, ip, at, succeeded) VALUES ($1, $2, $3::timestamptz, $4)',
    [attempt.username, attempt.ip, now.toISOString(), attempt.succeeded],
  );
  if (attempt.succeeded) {
    // Rows older than a day no longer count towards any limit.
    await db.query('DELETE FROM login_attempts WHERE username = $1 AND at < $2::timestamptz', [
      attempt.username,
      new Date(now.getTime() - 24 * 60 * 60_000).toISOString(),
    ]);
  }
}

/** Forgets a username's failures (after an administrator resets its password). */
export async function clearLoginFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE username = $1 AND NOT succeeded', [username]);
}
