// The pull cursor: opaque to clients, it carries the database's epoch, the last version the
// client has seen and a fingerprint of the scope (which records the caller may see) it was made
// for. Encoded as base64url JSON so it stays URL-safe and easy to debug.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { User } from '../../../domain/schemas/user';
import { ApiError } from '../http/api-error';

const cursorSchema = z.strictObject({
  e: z.string().min(1).max(64),
  v: z.number().int().nonnegative(),
  /** Absent in cursors given out before scopes were fingerprinted. */
  s: z.string().min(1).max(32).optional(),
});

/**
 * What decides which records a pull sends: admins see everything, anyone else the records of
 * their towns (whatever the order or repeats of their jurisdiction). 16 base64url characters
 * (96 bits) of a SHA-256: short in the URL, and two scopes never share one in practice.
 */
export function scopeFingerprint(user: Pick<User, 'role' | 'jurisdiction'>): string {
  const scope =
    user.role === 'admin' ? { all: true } : { towns: [...new Set(user.jurisdiction)].sort() };
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);
}

export function encodeCursor(epoch: string, version: number, scope: string): string {
  return Buffer.from(JSON.stringify({ e: epoch, v: version, s: scope })).toString('base64url');
}

export interface CursorPosition {
  /** The version to pull after. */
  after: number;
  /** The cursor was made for another epoch or scope, so the pull starts over from 0. */
  reset: boolean;
}

/**
 * Where a pull resumes. A cursor from another epoch (the database was restored from a backup or
 * recreated) or made for another scope (the caller's towns or role changed since) restarts from
 * 0 with `reset`, so that the client can drop what the full re-pull does not send again: after a
 * grown scope the cursor is already past older records of the new towns, after a shrunk one
 * nothing would remove the records of the towns left. A cursor older than scope fingerprints
 * cannot tell what it was made for and restarts too. A cursor that is not one of ours is a 400.
 */
export function decodeCursor(
  cursor: string | undefined,
  epoch: string,
  scope: string,
): CursorPosition {
  if (cursor === undefined || cursor === '') return { after: 0, reset: false };
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'cursor is not a cursor this server gave out; pull without a cursor to start over.',
      [{ path: 'cursor', message: 'is not valid' }],
    );
  }
  const current = result.data.e === epoch && result.data.s === scope;
  return current ? { after: result.data.v, reset: false } : { after: 0, reset: true };
}
