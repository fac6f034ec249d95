// Resolves the caller of a request from its bearer token: a live session of an existing user.
import type { FastifyRequest } from 'fastify';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { ApiError, unauthorized } from '../http/api-error';
import type { Session } from './sessions';
import { findSession } from './sessions';

export interface Caller {
  user: User;
  session: Session;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export async function authenticate(
  db: Queryable,
  request: FastifyRequest,
  now: Date,
): Promise<Caller> {
  const token = bearerToken(request);
  if (!token) throw unauthorized();
  const found = await findSession(db, token, now);
  if ('refused' in found) {
    throw found.refused === 'expired'
      ? sessionExpired()
      : unauthorized('The session has ended or the token is not valid: sign in again.');
  }
  const { user } = found;
  if (!user || user.deletedAt) throw unauthorized('This account no longer exists.');
  return { user, session: found.session };
}

/**
 * A session past its idle or absolute limit: a code of its own, so that a device can tell that
 * signing in again is all it takes (its work is still queued).
 */
export const sessionExpired = () =>
  new ApiError(
    401,
    'session_expired',
    'The session has expired (unused for too long, or signed in too long ago): sign in again. ' +
      'Changes waiting on the device are kept and sync after signing in.',
  );
