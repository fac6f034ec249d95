// The sync routes: POST /sync/push (a device's outbox, in batches) and GET /sync/pull (paged
// changes after a cursor).
import type { FastifyPluginAsync } from 'fastify';
import type { PullResponse, PushResponse } from '../../../domain/sync/protocol';
import { pullQuerySchema, pushRequestSchema } from '../../../domain/sync/protocol';
import { authenticate } from '../auth/authenticate';
import { parseInput } from '../http/parse-input';
import { pullChanges } from '../sync/pull';
import { pushBatch } from '../sync/push';
import type { RouteContext } from './context';

/** A push batch holds at most 500 mutations; this bounds its bytes (photos travel as blobs). */
export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;

export const syncRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock, hooks }) => {
  app.post('/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request): Promise<PushResponse> => {
    const caller = await authenticate(db, request, clock());
    const body = parseInput(pushRequestSchema, request.body, 'body');
    return pushBatch(db, caller, body, clock(), hooks?.beforePushCommit, (mid, err) =>
      request.log.error({ err, mid }, 'push: the database refused to store a mutation'),
    );
  });

  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const { user } = await authenticate(db, request, clock());
    const query = parseInput(pullQuerySchema, request.query, 'query');
    return pullChanges(db, user, query.cursor, query.limit);
  });
};
