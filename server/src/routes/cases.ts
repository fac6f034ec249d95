// Penalty cases for signed-in users: GET /cases (the cases one may see, overdue stages first,
// with their counts), GET /cases/:id, POST /cases (open one), and POST /cases/:id/approval,
// /advance, /evidence, /receipts and /amendments. The rules are server/src/cases/'s.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { byUrgency, caseCounts } from '../../../domain/rules/penalty-stages';
import { idSchema } from '../../../domain/schemas/common';
import {
  caseAdvanceRequestSchema,
  caseAmendmentRequestSchema,
  caseApprovalRequestSchema,
  caseEvidenceRequestSchema,
  caseOpenRequestSchema,
  caseReceiptRequestSchema,
} from '../../../domain/sync/cases-api';
import type { CaseListResponse } from '../../../domain/sync/cases-api';
import { authenticate } from '../auth/authenticate';
import {
  advanceCase,
  amendCase,
  decideApproval,
  linkEvidence,
  openCase,
  recordCaseReceipt,
} from '../cases/case-actions';
import { maySee, readCase, visibleCases } from '../cases/case-store';
import { ApiError } from '../http/api-error';
import { parseInput } from '../http/parse-input';
import type { RouteContext } from './context';

const paramsSchema = z.strictObject({ id: idSchema });

export const caseRoutes: FastifyPluginAsync<RouteContext> = async (app, { db, clock }) => {
  app.get('/cases', async (request): Promise<CaseListResponse> => {
    const { user } = await authenticate(db, request, clock());
    const now = clock();
    const cases = await visibleCases(db, user);
    return { cases: byUrgency(cases, now), counts: caseCounts(cases, now) };
  });

  app.get('/cases/:id', async (request) => {
    const { user } = await authenticate(db, request, clock());
    const { id } = parseInput(paramsSchema, request.params, 'params');
    const c = await readCase(db, id);
    if (!c || !maySee(user, c)) throw new ApiError(404, 'case_not_found', 'No such case.');
    return c;
  });

  app.post('/cases', async (request, reply) => {
    const { user } = await authenticate(db, request, clock());
    const body = parseInput(caseOpenRequestSchema, request.body, 'body');
    return reply.code(201).send(await openCase(db, user, body, clock()));
  });

  const actions = {
    approval: [caseApprovalRequestSchema, decideApproval],
    advance: [caseAdvanceRequestSchema, advanceCase],
    evidence: [caseEvidenceRequestSchema, linkEvidence],
    amendments: [caseAmendmentRequestSchema, amendCase],
    receipts: [caseReceiptRequestSchema, recordCaseReceipt],
  } as const;
  for (const [path, [schema, action]] of Object.entries(actions)) {
    app.post(`/cases/:id/${path}`, async (request) => {
      const { user } = await authenticate(db, request, clock());
      const { id } = parseInput(paramsSchema, request.params, 'params');
      const body = parseInput(schema, request.body, 'body');
      // The schema and the action are a pair of the table above: the body fits the action.
      return (action as (...args: unknown[]) => Promise<unknown>)(db, user, id, body, clock());
    });
  }
};
