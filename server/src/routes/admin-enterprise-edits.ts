// An administrator's edits of one enterprise (administrators only):
//   POST /admin/enterprises                 body: the enterprise's fields → 201 {enterprise}
//   PUT  /admin/enterprises/:id             body: {baseVersion, enterprise} → {enterprise}
//   POST /admin/enterprises/:id/close       body: {baseVersion, kind, date, mergedIntoId?}
//   POST /admin/enterprises/:id/reopen      body: {baseVersion}
// baseVersion is the version the administrator saw: a change made since is not overwritten.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../domain/schemas/common';
import { closureSchema, enterpriseInputSchema } from '../../../domain/schemas/enterprise';
import {
  closeEnterprise,
  createEnterprise,
  reopenEnterprise,
  updateEnterprise,
} from '../admin/enterprise-edits';
import { authenticateAdmin } from '../auth/authenticate-admin';
import { parseInput } from '../http/parse-input';
import type { RouteContext } from './context';

const EDIT_BODY_LIMIT = 256 * 1024;
const paramsSchema = z.strictObject({ id: idSchema });
const baseVersion = z.number().int().nonnegative();
const updateSchema = z.strictObject({ baseVersion, enterprise: enterpriseInputSchema });
const closeSchema = z
  .strictObject({ baseVersion, ...closureSchema.shape })
  .refine((c) => (c.kind === 'merged') === (c.mergedIntoId !== undefined), {
    message: 'closure.mergedInto',
    path: ['mergedIntoId'],
  });
const reopenSchema = z.strictObject({ baseVersion });

export const adminEnterpriseEditRoutes: FastifyPluginAsync<RouteContext> = async (
  app,
  { db, clock },
) => {
  app.post('/admin/enterprises', { bodyLimit: EDIT_BODY_LIMIT }, async (request, reply) => {
    const now = clock();
    const { user } = await authenticateAdmin(db, request, now);
    const input = parseInput(enterpriseInputSchema, request.body, 'body');
    return reply.status(201).send({ enterprise: await createEnterprise(db, user, input, now) });
  });

  app.put('/admin/enterprises/:id', { bodyLimit: EDIT_BODY_LIMIT }, async (request) => {
    const now = clock();
    const { user } = await authenticateAdmin(db, request, now);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(updateSchema, request.body, 'body');
    return {
      enterprise: await updateEnterprise(db, user, id, body.baseVersion, body.enterprise, now),
    };
  });

  app.post('/admin/enterprises/:id/close', { bodyLimit: 4096 }, async (request) => {
    const now = clock();
    const { user } = await authenticateAdmin(db, request, now);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const {
      baseVersion: base,
      kind,
      date,
      mergedIntoId,
    } = parseInput(closeSchema, request.body, 'body');
    const closure = { kind, date, ...(mergedIntoId === undefined ? {} : { mergedIntoId }) };
    return { enterprise: await closeEnterprise(db, user, id, base, closure, now) };
  });

  app.post('/admin/enterprises/:id/reopen', { bodyLimit: 4096 }, async (request) => {
    const now = clock();
    const { user } = await authenticateAdmin(db, request, now);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(reopenSchema, request.body, 'body');
    return { enterprise: await reopenEnterprise(db, user, id, body.baseVersion, now) };
  });
};
