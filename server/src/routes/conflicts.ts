// The conflicts log for those who handle conflicts (supervisors of the inspections' agencies;
// administrators for the records only they write): GET /conflicts?status=open|resolved|all and
// POST /conflicts/:id/resolve {keep: 'kept' | 'losing'}.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../domain/schemas/common';
import { authenticate } from '../auth/authenticate';
import { parseInput } from '../http/parse-input';
import { resolveConflict } from '../sync/conflict-resolution';
import { conflictListQuerySchema, listConflicts, resolveConflictSchema } from '../sync/conflicts';
import type { RouteContext } from './context';

const paramsSchema = z.strictObject({ id: idSchema });

export const conflictRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/conflicts', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const query = parseInput(conflictListQuerySchema, request.query, 'query');
    return { conflicts: await listConflicts(db, user, query) };
  });

  app.post('/conflicts/:id/resolve', { bodyLimit: 4096 }, async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(resolveConflictSchema, request.body, 'body');
    return { conflict: await resolveConflict(db, user, id, body.keep, clock()) };
  });
};
