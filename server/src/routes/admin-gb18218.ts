// The GB 18218-2018 reference table's editions:
//   GET  /gb18218/edition           → {edition, table}  the edition in force (everyone signed in)
//   GET  /admin/gb18218/editions    → {editions}        who published each, when and why (admins)
//   POST /admin/gb18218/editions    {baseRevision, table, reason} → 201 {edition}   (admins)
import type { FastifyPluginAsync } from 'fastify';
import { publishEditionSchema } from '../../../domain/schemas/gb18218-edition';
import { authenticate } from '../auth/authenticate';
import { authenticateAdmin } from '../auth/authenticate-admin';
import { parseInput } from '../http/parse-input';
import { currentEdition, listEditions, publishEdition } from '../reference/gb18218-editions';
import type { RouteContext } from './context';

// The shipped table is some 80 kB of JSON; an edition may grow to a few times that.
const TABLE_BODY_LIMIT = 2 * 1024 * 1024;

export const adminGb18218Routes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/gb18218/edition', async (request) => {
    await authenticate(db, request, clock());
    return currentEdition(db);
  });

  app.get('/admin/gb18218/editions', async (request) => {
    await authenticateAdmin(db, request, clock());
    return { editions: await listEditions(db) };
  });

  app.post('/admin/gb18218/editions', { bodyLimit: TABLE_BODY_LIMIT }, async (request, reply) => {
    const { user } = await authenticateAdmin(db, request, clock());
    const body = parseInput(publishEditionSchema, request.body, 'body');
    const edition = await publishEdition(db, user, body, clock());
    return reply.status(201).send({ edition });
  });
};
