// Officers' declared conflicts with enterprises (回避), which every draw avoids:
//   GET  /officer-conflicts               the caller's own, and a supervisor's agency's officers'
//   POST /officer-conflicts               declare {officerId, enterpriseId, reason}
//   POST /officer-conflicts/:id/withdraw
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../domain/schemas/common';
import { conflictDeclareSchema } from '../../../domain/schemas/plan-requests';
import { authenticate } from '../auth/authenticate';
import { parseInput } from '../http/parse-input';
import { declareConflict, listConflicts, withdrawConflict } from '../plans/officer-conflicts';
import type { RouteContext } from './context';

const paramsSchema = z.strictObject({ id: idSchema });

export const officerConflictRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { db, clock },
) => {
  app.get('/officer-conflicts', async (request) => {
    const { user } = await authenticate(db, request, clock());
    return { conflicts: await listConflicts(db, user) };
  });

  app.post('/officer-conflicts', { bodyLimit: 8192 }, async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    const body = parseInput(conflictDeclareSchema, request.body, 'body');
    reply.code(201);
    return { conflict: await declareConflict(db, user, body, clock()) };
  });

  app.post('/officer-conflicts/:id/withdraw', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { conflict: await withdrawConflict(db, user, id, clock()) };
  });
};
