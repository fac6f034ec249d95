// The pull cursor: opaque to clients, it carries the database's epoch and the last version the
// client has seen. Encoded as base64url JSON so it stays URL-safe and easy to debug.
import { z } from 'zod';
import { ApiError } from '../http/api-error';

const cursorSchema = z.strictObject({
  e: z.string().min(1).max(64),
  v: z.number().int().nonnegative(),
});

export function encodeCursor(epoch: string, version: number): string {
  return Buffer.from(JSON.stringify({ e: epoch, v: version })).toString('base64url');
}

/**
 * The version to pull after. A cursor from another epoch (the database was restored from a backup
 * or recreated) restarts from 0: the protocol has no "reset" flag, and a full re-pull is always
 * correct because clients upsert what they receive. A cursor that is not one of ours is a 400.
 */
export function decodeCursor(cursor: string | undefined, epoch: string): number {
  if (cursor === undefined || cursor === '') return 0;
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
  return result.data.e === epoch ? result.data.v : 0;
}
