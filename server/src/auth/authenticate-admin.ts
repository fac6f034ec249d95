// The caller of an administration route: a signed-in administrator. Everyone else is refused with
// 403 (signed in, but not allowed), which the app shows as such rather than signing out.
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import type { Caller } from './authenticate';
import { authenticate } from './authenticate';

export const notAnAdministrator = () =>
  new ApiError(403, 'admin_only', 'Only an administrator may do this.');

export async function authenticateAdmin(
  db: Queryable,
  request: FastifyRequest,
  now: Date,
): Promise<Caller> {
  const caller = await authenticate(db, request, now);
  if (caller.user.role !== 'admin') throw notAnAdministrator();
  return caller;
}
