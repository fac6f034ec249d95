// Sign-in, sign-out and the signed-in user: POST /auth/login, POST /auth/logout, GET /me.
import type { FastifyPluginAsync } from 'fastify';
import type { LoginResponse, MeResponse } from '../../../domain/sync/protocol';
import { changePasswordRequestSchema, loginRequestSchema } from '../../../domain/sync/protocol';
import { accountDeactivated, authenticate, deviceWiped } from '../auth/authenticate';
import { admitLoginAttempt, settleLoginAttempt } from '../auth/login-rate-limit';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import { createSession, revokeSession } from '../auth/sessions';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import { accountOf, isWipedDevice } from '../users/account-state';
import {
  findAgency,
  findUserByUsername,
  passwordHashOf,
  setPasswordHash,
} from '../users/user-store';
import type { RouteContext } from './context';

/** Sign-in bodies are small; anything larger is refused before it is read. */
export const AUTH_BODY_LIMIT = 64 * 1024;

export const authRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { db, clock, sessionLimits },
) => {
  app.post(
    '/auth/login',
    { bodyLimit: AUTH_BODY_LIMIT },
    async (request): Promise<LoginResponse> => {
      const body = parseInput(loginRequestSchema, request.body, 'body');
      const now = clock();
      // request.ip is the socket's address, or the client's as a trusted proxy reports it.
      const admission = await admitLoginAttempt(
        db,
        { username: body.username, ip: request.ip },
        now,
      );
      if (!admission.admitted) {
        const wait = admission.retryAfterSeconds;
        throw new ApiError(
          429,
          'too_many_attempts',
          `Too many failed sign-in attempts from this address. Try again in ${
            wait < 120 ? `${wait} second(s)` : `${Math.ceil(wait / 60)} minute(s)`
          }.`,
          undefined,
          { 'Retry-After': String(wait) },
        );
      }
      const user = await findUserByUsername(db, body.username);
      const hash = user && !user.deletedAt ? await passwordHashOf(db, user.id) : null;
      const ok = await verifyPassword(body.password, hash ?? (await decoyHash()));
      await settleLoginAttempt(db, admission.attemptId, ok && hash !== null, now);
      if (!user || !hash || !ok) {
        throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
      }
      // Told only to whoever knows the password: the account exists, and is shut.
      const account = await accountOf(db, user.id);
      if (account.deactivated) throw accountDeactivated();
      if (body.deviceId && (await isWipedDevice(db, body.deviceId))) throw deviceWiped();
      const session = await db.transaction((tx) =>
        createSession(tx, user.id, body.deviceName, now, body.deviceId, sessionLimits),
      );
      return {
        token: session.token,
        deviceId: session.deviceId,
        user,
        ...(account.mustChangePassword ? { passwordChangeRequired: true } : {}),
      };
    },
  );

  // The caller's own password; the one way out of a first password an administrator set.
  app.post('/auth/change-password', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const caller = await authenticate(db, request, clock(), { changingPassword: true });
    const body = parseInput(changePasswordRequestSchema, request.body, 'body');
    const hash = await passwordHashOf(db, caller.user.id);
    if (!hash || !(await verifyPassword(body.currentPassword, hash))) {
      throw new ApiError(403, 'wrong_password', 'The current password is wrong.');
    }
    if (body.currentPassword === body.newPassword) {
      throw new ApiError(
        400,
        'invalid_body',
        'Invalid request body: newPassword must differ from the current one.',
        [{ path: 'newPassword', message: 'must differ from the current one' }],
      );
    }
    const newHash = await hashPassword(body.newPassword);
    await db.transaction(async (tx) => {
      await setPasswordHash(tx, caller.user.id, newHash, clock());
      await tx.query('UPDATE credentials SET must_change = false WHERE user_id = $1::uuid', [
        caller.user.id,
      ]);
    });
    return reply.status(204).send();
  });

  app.post('/auth/logout', { bodyLimit: AUTH_BODY_LIMIT }, async (request, reply) => {
    const caller = await authenticate(db, request, clock());
    await revokeSession(db, caller.session.tokenHash, clock());
    return reply.status(204).send();
  });

  app.get('/me', async (request): Promise<MeResponse> => {
    const { user } = await authenticate(db, request, clock());
    const agency = await findAgency(db, user.agencyId);
    if (!agency) throw new Error(`user ${user.id} names a missing agency ${user.agencyId}`);
    return { user, agency };
  });
};
