// The plan and draw routes, for the supervisors who write an agency's annual plan and run its
// draws (both need the server: nothing here is written offline). Plans are read within their
// agency; draws by their agency and a joint draw's partner.
//   GET  /plans                    the caller's agency's plan versions
//   POST /plans                    a new plan for a year (a draft)
//   GET  /plans/:id
//   PUT  /plans/:id                edit a draft {baseVersion, …content}
//   POST /plans/:id/approve        {baseVersion}
//   POST /plans/:id/revisions      the next revision of an approved version {reason}
//   GET  /plans/:id/draws          every draw of the plan's year, redrawn ones too
//   POST /plans/:id/draws          run a draw (DrawRequest); 201, or 200 for a request sent again
//   GET  /draws/:id                a draw's record and the inputs it was run on
//   GET  /draws/:id/verify         re-runs the draw from its record: {matches, problems}
//   GET  /draws/:id/results        the published results (抽查结果公示) of the draw's visits
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../domain/schemas/common';
import {
  drawRequestSchema,
  planApproveSchema,
  planCreateSchema,
  planEditSchema,
  planReviseSchema,
} from '../../../domain/schemas/plan-requests';
import { authenticate } from '../auth/authenticate';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import { drawPublication } from '../plans/draw-publication';
import { planDraws, runPlanDraw, verifyStoredDraw, visibleDraw } from '../plans/draw-runs';
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

  app.get('/plans/:id/draws', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { draws: await planDraws(db, user, id) };
  });

  app.post('/plans/:id/draws', { bodyLimit: 8192 }, async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(drawRequestSchema, request.body, 'body');
    const answer = await runPlanDraw(db, user, id, body, clock());
    reply.code(answer.replayed ? 200 : 201);
    return answer;
  });

  app.get('/draws/:id', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const { record, input } = await visibleDraw(db, user, id);
    return { draw: record, input };
  });

  app.get('/draws/:id/verify', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return verifyStoredDraw(db, user, id);
  });

  app.get('/draws/:id/results', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { publication: await drawPublication(db, user, id) };
  });
};
