// The lifecycle of checklist templates (administrators only):
//   GET  /admin/template-drafts                       → {drafts}
//   POST /admin/templates/:id/copy      {title?}       → 201 {draft}  (built-in ones too)
//   POST /admin/templates/:id/revise                   → 201 {draft}  (the next version)
//   PUT  /admin/template-drafts/:id     {revision, content} → {draft}
//   POST /admin/template-drafts/:id/publish  {revision} → {template}
//   POST /admin/template-drafts/:id/discard  {revision} → 204
//   GET  /admin/template-drafts/:id/diff               → {diff} against the version it started from
//   POST /admin/templates/:id/retire                   → {template}
//   GET  /admin/templates/:id/diff/:otherId            → {diff} from :id to :otherId
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { idSchema, nonEmpty } from '../../../domain/schemas/common';
import { templateContentSchema } from '../../../domain/schemas/template';
import { listDrafts } from '../admin/template-drafts';
import {
  discardDraft,
  draftDiff,
  editDraft,
  publishDraft,
  retireTemplate,
  startDraft,
  templateDiff,
} from '../admin/template-admin';
import { authenticateAdmin } from '../auth/authenticate-admin';
import { parseInput } from '../http/parse-input';
import type { RouteContext } from './context';

const TEMPLATE_BODY_LIMIT = 1024 * 1024;
const paramsSchema = z.strictObject({ id: idSchema });
const pairSchema = z.strictObject({ id: idSchema, otherId: idSchema });
const revision = z.number().int().positive();
const copySchema = z.strictObject({ title: nonEmpty(200).optional() });
const editSchema = z.strictObject({ revision, content: templateContentSchema });
const revisionSchema = z.strictObject({ revision });

export const adminTemplateRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  const admin = async (request: Parameters<typeof authenticateAdmin>[1]) =>
    (await authenticateAdmin(db, request, clock())).user;

  app.get('/admin/template-drafts', async (request) => {
    await admin(request);
    return { drafts: await listDrafts(db) };
  });

  app.post('/admin/templates/:id/copy', { bodyLimit: 4096 }, async (request, reply) => {
    const user = await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const { title } = parseInput(copySchema, request.body ?? {}, 'body');
    const draft = await startDraft(db, user, id, 'copy', title, clock());
    return reply.status(201).send({ draft });
  });

  app.post('/admin/templates/:id/revise', { bodyLimit: 4096 }, async (request, reply) => {
    const user = await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const draft = await startDraft(db, user, id, 'revise', undefined, clock());
    return reply.status(201).send({ draft });
  });

  app.put('/admin/template-drafts/:id', { bodyLimit: TEMPLATE_BODY_LIMIT }, async (request) => {
    const user = await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(editSchema, request.body, 'body');
    return { draft: await editDraft(db, user, id, body.revision, body.content, clock()) };
  });

  app.post('/admin/template-drafts/:id/publish', { bodyLimit: 4096 }, async (request) => {
    const user = await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(revisionSchema, request.body, 'body');
    return { template: await publishDraft(db, user, id, body.revision, clock()) };
  });

  app.post('/admin/template-drafts/:id/discard', { bodyLimit: 4096 }, async (request, reply) => {
    const user = await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const body = parseInput(revisionSchema, request.body, 'body');
    await discardDraft(db, user, id, body.revision, clock());
    return reply.status(204).send();
  });

  app.get('/admin/template-drafts/:id/diff', async (request) => {
    await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { diff: await draftDiff(db, id) };
  });

  app.post('/admin/templates/:id/retire', { bodyLimit: 4096 }, async (request) => {
    const user = await admin(request);
    const { id } = parseInput(paramsSchema, request.params, 'params');
    return { template: await retireTemplate(db, user, id, clock()) };
  });

  app.get('/admin/templates/:id/diff/:otherId', async (request) => {
    await admin(request);
    const { id, otherId } = parseInput(pairSchema, request.params, 'params');
    return { diff: await templateDiff(db, id, otherId) };
  });
};
