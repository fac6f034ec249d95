// The sync routes: POST /sync/push (a device's outbox, in batches) and GET /sync/pull (paged
// changes after a cursor).
import type { FastifyPluginAsync } from 'fastify';
import type { PullResponse, PushResponse } from '../../../domain/sync/protocol';
import {
  pullQuerySchema,
  pushRequestSchema,
  wipeDoneRequestSchema,
} from '../../../domain/sync/protocol';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import { acknowledgeWipe, noteSync } from '../sync/devices';
import { pullChanges } from '../sync/pull';
import { pushBatch } from '../sync/push';
import type { RouteContext } from './context';

/** A push batch holds at most 500 mutations; this bounds its bytes (photos travel as blobs). */
export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;

export const syncRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock, hooks }) => {
  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const caller = await authenticate(db, request, clock());
    const body = parseInput(pushRequestSchema, request.body, 'body');
    const answer = await pushBatch(db, caller, body, clock(), hooks?.beforePushCommit, (mid, err) =>
      request.log.error({ err, mid }, 'push: the database refused to store a mutation'),
    );
    await noteSync(db, caller.session.deviceId, clock(), body.unsent);
    return caller.account.wipeOrdered ? { ...answer, wipe: true } : answer;
  });

  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const { user, session, account } = await authenticate(db, request, clock());
    const query = parseInput(pullQuerySchema, request.query, 'query');
    const answer = await pullChanges(db, user, query.cursor, query.limit);
    await noteSync(db, session.deviceId, clock(), query.unsent);
    return account.wipeOrdered ? { ...answer, wipe: true } : answer;
  });

  // The device has pushed what it held and now deletes its data and signs out.
  app.post('/sync/wipe-done', async (request, reply) => {
    const caller = await authenticate(db, request, clock());
    const body = parseInput(wipeDoneRequestSchema, request.body, 'body');
    if (body.deviceId !== caller.session.deviceId) {
      throw new ApiError(
        403,
        'wrong_device',
        'deviceId is not the device this session signed in as.',
      );
    }
    const done = await db.transaction((tx) => acknowledgeWipe(tx, body.deviceId, clock()));
    if (!done) throw new ApiError(409, 'no_wipe_ordered', 'No wipe of this device is ordered.');
    return reply.status(204).send();
  });
};
