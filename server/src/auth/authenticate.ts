// Resolves the caller of a request from its bearer token: a live session of an existing user.
import type { FastifyRequest } from 'fastify';
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';
import { unauthorized } from '../http/api-error';
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
  if (!found) throw unauthorized('The session has ended or the token is not valid: sign in again.');
  const { user } = found;
  if (!user || user.deletedAt) throw unauthorized('This account no longer exists.');
  return { user, session: found.session };
}
