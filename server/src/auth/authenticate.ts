// Resolves the caller of a request from its bearer token: a live session of an existing user.
import type { FastifyRequest } from 'fastify';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { ApiError, unauthorized } from '../http/api-error';
import type { AccountState, Session } from './sessions';
import { findSession } from './sessions';

export interface Caller {
  user: User;
  session: Session;
  account: AccountState;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

export interface AuthenticateOptions {
  /** The route changes the password: a session whose first password must change may use it. */
  changingPassword?: boolean;
}

export async function authenticate(
  db: Queryable,
  request: FastifyRequest,
  now: Date,
  options: AuthenticateOptions = {},
): Promise<Caller> {
  const token = bearerToken(request);
  if (!token) throw unauthorized();
  const found = await findSession(db, token, now);
  if ('refused' in found) {
    throw found.refused === 'expired'
      ? sessionExpired()
      : unauthorized('The session has ended or the token is not valid: sign in again.');
  }
  const { user, account } = found;
  if (!user || user.deletedAt) throw unauthorized('This account no longer exists.');
  if (account.deactivated) throw accountDeactivated();
  if (account.deviceWiped) throw deviceWiped();
  if (account.mustChangePassword && !options.changingPassword) throw passwordChangeRequired();
  return { user, session: found.session, account };
}

/**
 * An administrator deactivated the account: sign-in and sync are refused (403, not 401: signing
 * in again does not help), and the device keeps what it has not sent.
 */
export const accountDeactivated = () =>
  new ApiError(
    403,
    'account_deactivated',
    'This account has been deactivated by an administrator: sign-in and sync are refused. ' +
      'Changes waiting on this device are kept; ask an administrator to reactivate the account.',
  );

/** The device acknowledged a wipe an administrator ordered: it is served nothing more. */
export const deviceWiped = () =>
  new ApiError(
    403,
    'device_wiped',
    'An administrator ordered this device wiped and it has been: it is no longer served. ' +
      'Sign in again as a new device.',
  );

export const passwordChangeRequired = () =>
  new ApiError(
    403,
    'password_change_required',
    'This password was set by an administrator and must be changed first: ' +
      'POST /auth/change-password with the current and a new password.',
  );

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
