// The inspection-target list (检查对象名录库) and supervisors' overrides of its risk classes:
//   GET  /target-list                      the caller's agency's list over the caller's towns
//   POST /risk-overrides                   override {enterpriseId, riskClass, computedClass, reason}
//   POST /risk-overrides/:id/withdraw
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../domain/schemas/common';
import { riskOverrideRequestSchema } from '../../../domain/schemas/target-list-api';
import { authenticate } from '../auth/authenticate';
import { parseInput } from '../http/parse-input';
import { decideOverride, targetListFor, withdrawOverride } from '../plans/risk-overrides';
import type { RouteContext } from './context';

const paramsSchema = z.strictObject({ id: idSchema });

export const riskOverrideRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/target-list', async (request) => {
    const { user } = await authenticate(db, request, clock());
    return targetListFor(db, user, clock());
  });

  app.post('/risk-overrides', { bodyLimit: 8192 }, async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    const body = parseInput(riskOverrideRequestSchema, request.body, 'body');
    const override = await decideOverride(db, user, body, clock());
    reply.code(201);
    return { override };
  });

  app.post('/risk-overrides/:id/withdraw', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { override: await withdrawOverride(db, user, id, clock()) };
  });
};
