// Owns the login_attempts table: sign-in throttling counted in the database, so that several
// server processes sharing one PostgreSQL enforce one limit. Failures slow down what they came
// from, never anyone else: the pair (username, address) waits longer after each failure, and an
// address that fails for many usernames waits too; there is no lock on a username as such, so a
// stranger guessing from elsewhere never keeps its owner out. A success starts the pair afresh.
import { isIPv4, isIPv6 } from 'node:net';
import type { Database, Queryable } from '../db/database';

/** Failures of a pair count for this long (unless a success of the pair came after them). */
export const PAIR_WINDOW_MS = 24 * 60 * 60_000;
/** A pair's first failures cost nothing: a typo or two is not an attack. */
export const PAIR_FREE_FAILURES = 3;
/** Failures from one address, whatever the usernames, count for this long. */
export const ADDRESS_WINDOW_MS = 60 * 60_000;
/** One address may be a whole office behind one router: its people mistype too. */
export const ADDRESS_FREE_FAILURES = 20;
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60_000;

// The advisory lock class under which one address's attempts are admitted one at a time.
const ADMISSION_LOCK = 72_410_002;

/**
 * How long to wait after the `failures`-th failure before the next attempt: nothing for the
 * first `free`, then a second, doubling each time, up to MAX_DELAY_MS.
 */
export function delayAfter(failures: number, free: number): number {
  if (failures <= free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - free - 1));
}

/**
 * The address a sign-in is counted under: an IPv4 address itself (also when written as an
 * IPv6-mapped one), an IPv6 address's /64, since one subscriber is usually given a whole /64 and
 * could otherwise take a fresh address for every guess.
 */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = '', tail = ''] = (ip.split('%')[0] ?? ip).toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = ip.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) only ever lies in the last 64 bits: it is dropped below.
  const groups = [
    ...headGroups,
    ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
    ...tailGroups,
  ];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

export type Admission =
  { admitted: true; attemptId: string } | { admitted: false; retryAfterSeconds: number };

interface Tally {
  failures: number;
  last: Date | null;
}

/**
 * Admits a sign-in attempt, or says how many seconds it must wait. An admitted attempt is
 * recorded at once as undecided, and counts as a failure until settleLoginAttempt says
 * otherwise: guesses sent in parallel are admitted one after another, each seeing the ones
 * before. Attempts refused here are not recorded, so waiting always ends.
 */
export async function admitLoginAttempt(
  db: Database,
  attempt: { username: string; ip: string },
  now: Date,
): Promise<Admission> {
  const network = networkOf(attempt.ip);
  return db.transaction(async (tx) => {
    // A pair always lies inside its address, so this one lock orders both tallies.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADMISSION_LOCK, network]);
    // One after the other: a transaction's statements share one connection.
    const pair = await pairTally(tx, attempt.username, network, now);
    const address = await addressTally(tx, network, now);
    const readyAt = Math.max(
      readyTime(pair, PAIR_FREE_FAILURES),
      readyTime(address, ADDRESS_FREE_FAILURES),
    );
    if (readyAt > now.getTime()) {
      return { admitted: false, retryAfterSeconds: Math.ceil((readyAt - now.getTime()) / 1000) };
    }
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO login_attempts (username, ip, network, at, succeeded)
       VALUES ($1, $2, $3, $4::timestamptz, NULL) RETURNING id::text AS id`,
      [attempt.username, attempt.ip, network, now.toISOString()],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('login_attempts gave no id');
    return { admitted: true, attemptId: id };
  });
}

function readyTime(tally: Tally, free: number): number {
  if (!tally.last) return 0;
  return new Date(tally.last).getTime() + delayAfter(tally.failures, free);
}

async function pairTally(
  tx: Queryable,
  username: string,
  network: string,
  now: Date,
): Promise<Tally> {
  // Attempts of one address are admitted one at a time, so their ids follow their order.
  const rows = await tx.query<{ failures: number; last: Date | null }>(
    `SELECT count(*)::int AS failures, max(at) AS last FROM login_attempts
     WHERE username = $1 AND network = $2 AND at > $3::timestamptz AND succeeded IS NOT TRUE
       AND id > coalesce((SELECT max(id) FROM login_attempts
                          WHERE username = $1 AND network = $2 AND succeeded), 0)`,
    [username, network, new Date(now.getTime() - PAIR_WINDOW_MS).toISOString()],
  );
  return rows[0] ?? { failures: 0, last: null };
}

async function addressTally(tx: Queryable, network: string, now: Date): Promise<Tally> {
  const rows = await tx.query<{ failures: number; last: Date | null }>(
    `SELECT count(*)::int AS failures, max(at) AS last FROM login_attempts
     WHERE network = $1 AND at > $2::timestamptz AND succeeded IS NOT TRUE`,
    [network, new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString()],
  );
  return rows[0] ?? { failures: 0, last: null };
}

/** Records how an admitted attempt ended. One that never gets here stays a failure. */
export async function settleLoginAttempt(
  db: Queryable,
  attemptId: string,
  succeeded: boolean,
  now: Date,
): Promise<void> {
  await db.query('UPDATE login_attempts SET succeeded = $2 WHERE id = $1::bigint', [
    attemptId,
    succeeded,
  ]);
  if (succeeded) {
    // Rows past every window no longer count for anything.
    await db.query('DELETE FROM login_attempts WHERE at < $1::timestamptz', [
      new Date(now.getTime() - PAIR_WINDOW_MS).toISOString(),
    ]);
  }
}

/** Forgets a username's failures (after an administrator resets its password). */
export async function clearLoginFailures(db: Queryable, username: string): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE username = $1 AND succeeded IS NOT TRUE', [
    username,
  ]);
}
