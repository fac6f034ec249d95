// The sync routes. For now: GET /sync/pull (push comes with the write path).
import type { FastifyPluginAsync } from 'fastify';
import type { PullResponse } from '../../../domain/sync/protocol';
import { pullQuerySchema } from '../../../domain/sync/protocol';
import { authenticate } from '../auth/authenticate';
import { parseInput } from '../http/parse-input';
import { pullChanges } from '../sync/pull';
import type { RouteContext } from './context';

export const syncRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const { user } = await authenticate(db, request, clock());
    const query = parseInput(pullQuerySchema, request.query, 'query');
    return pullChanges(db, user, query.cursor, query.limit);
  });
};
