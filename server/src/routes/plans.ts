// The plan and draw routes, for the supervisors who write an agency's annual plan and run its
// draws (both need the server: nothing here is written offline). Plans are read within their
// agency; draws by their agency and a joint draw's partner.
//   GET  /plans                    the caller's agency's plan versions
//   POST /plans                    a new plan for a year (a draft)
//   GET  /plans/:id
//   PUT  /plans/:id                edit a draft {baseVersion, …content}
//   POST /plans/:id/approve        {baseVersion}
//   POST /plans/:id/revisions      the next revision of an approved version {reason}
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../domain/schemas/common';
import {
  planApproveSchema,
  planCreateSchema,
  planEditSchema,
  planReviseSchema,
} from '../../../domain/schemas/plan-requests';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import { agencyPlans } from '../plans/plan-store';
import { approvePlan, createPlan, editPlan, revisePlan, visiblePlan } from '../plans/plan-writes';
import type { RouteContext } from './context';

const paramsSchema = z.strictObject({ id: idSchema });
const BODY_LIMIT = 64 * 1024;

/** Plans are written by supervisors: anyone else is refused before anything is read. */
function requireSupervisor(role: string): void {
  if (role !== 'supervisor') {
    throw new ApiError(
      403,
      'plan.notSupervisorOfAgency',
      "Only a supervisor of the plan's agency writes or approves it.",
    );
  }
}

export const planRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/plans', async (request) => {
    const { user } = await authenticate(db, request, clock());
    return { plans: await agencyPlans(db, user.agencyId) };
  });

  app.post('/plans', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    requireSupervisor(user.role);
    const body = parseInput(planCreateSchema, request.body, 'body');
    reply.code(201);
    return { plan: await createPlan(db, user, body, clock()) };
  });

  app.get('/plans/:id', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { plan: await visiblePlan(db, user, id) };
  });

  app.put('/plans/:id', { bodyLimit: BODY_LIMIT }, async (request) => {
    const { user } = await authenticate(db, request, clock());
    requireSupervisor(user.role);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(planEditSchema, request.body, 'body');
    return { plan: await editPlan(db, user, id, body, clock()) };
  });

  app.post('/plans/:id/approve', { bodyLimit: 4096 }, async (request) => {
    const { user } = await authenticate(db, request, clock());
    requireSupervisor(user.role);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(planApproveSchema, request.body, 'body');
    return { plan: await approvePlan(db, user, id, body.baseVersion, clock()) };
  });

  app.post('/plans/:id/revisions', { bodyLimit: 8192 }, async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    requireSupervisor(user.role);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(planReviseSchema, request.body, 'body');
    reply.code(201);
    return { plan: await revisePlan(db, user, id, body.reason, clock()) };
  });
};
