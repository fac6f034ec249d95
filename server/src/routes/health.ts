// GET /health: whether the server and its database answer, and which schema they run.
import type { FastifyPluginAsync } from 'fastify';
import type { HealthResponse } from '../../../domain/sync/protocol';
import { schemaVersion } from '../db/migrations';
import type { RouteContext } from './context';

export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, { db }) => {
  app.get('/health', async (request, reply): Promise<HealthResponse> => {
    try {
      return { ok: true, database: db.kind, schemaVersion: await schemaVersion(db) };
    } catch (error) {
      // A load balancer takes this process out of rotation on 503.
      request.log.error({ err: error }, 'health check: the database does not answer');
      reply.status(503);
      return { ok: false, database: db.kind, schemaVersion: 0 };
    }
  });
};
