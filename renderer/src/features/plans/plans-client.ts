// The client of annual plans and draws under /api/v1/plans and /api/v1/draws, on the signed-in
// profile's server: plans and draws are held by the server only, so every read and write is
// online (the screens say so when the server cannot be reached).
import { z } from 'zod';
import { verificationProblems } from './draw-verification';
import { drawInputSchema, drawRecordSchema } from '../../../../domain/schemas/draw';
import type { DrawInput, DrawRecord } from '../../../../domain/schemas/draw';
import type { Plan } from '../../../../domain/schemas/plan';
import { planSchema } from '../../../../domain/schemas/plan';
import type { DrawRequest, PlanCreate, PlanEdit } from '../../../../domain/schemas/plan-requests';
import type { Publication } from '../../../../domain/schemas/publication';
import { publicationSchema } from '../../../../domain/schemas/publication';
import { taskSchema } from '../../../../domain/schemas/task';
import type { Task } from '../../../../domain/schemas/task';
import type { HttpCore } from '../../sync/http-core';
import { jsonBody } from '../../sync/http-core';

const planAnswer = z.object({ plan: planSchema });
const drawAnswer = z.object({
  draw: drawRecordSchema,
  tasks: z.array(taskSchema),
  replayed: z.boolean(),
});

export interface DrawAnswer {
  draw: DrawRecord;
  tasks: Task[];
  /** The server had this request already (a retry): nothing new was drawn. */
  replayed: boolean;
}

export interface Verification {
  matches: boolean;
  problems: string[];
}

export interface PlansClient {
  list(): Promise<Plan[]>;
  create(request: PlanCreate): Promise<Plan>;
  edit(id: string, request: PlanEdit): Promise<Plan>;
  approve(id: string, baseVersion: number): Promise<Plan>;
  revise(id: string, reason: string): Promise<Plan>;
  draws(planId: string): Promise<DrawRecord[]>;
  runDraw(planId: string, request: DrawRequest): Promise<DrawAnswer>;
  draw(id: string): Promise<{ draw: DrawRecord; input: DrawInput }>;
  verify(id: string): Promise<Verification>;
  results(drawId: string): Promise<Publication>;
}

export function createPlansClient(http: HttpCore): PlansClient {
  const at = (id: string) => `/plans/${encodeURIComponent(id)}`;
  const drawAt = (id: string) => `/draws/${encodeURIComponent(id)}`;
  const send = async (path: string, method: 'POST' | 'PUT', body: unknown) =>
    http.request(path, { method, body: jsonBody(body) });
  return {
    list: async () =>
      (await http.json(await http.request('/plans'), z.object({ plans: z.array(planSchema) })))
        .plans,
    create: async (request) =>
      (await http.json(await send('/plans', 'POST', request), planAnswer)).plan,
    edit: async (id, request) =>
      (await http.json(await send(at(id), 'PUT', request), planAnswer)).plan,
    approve: async (id, baseVersion) =>
      (await http.json(await send(`${at(id)}/approve`, 'POST', { baseVersion }), planAnswer)).plan,
    revise: async (id, reason) =>
      (await http.json(await send(`${at(id)}/revisions`, 'POST', { reason }), planAnswer)).plan,
    draws: async (planId) =>
      (
        await http.json(
          await http.request(`${at(planId)}/draws`),
          z.object({ draws: z.array(drawRecordSchema) }),
        )
      ).draws,
    runDraw: async (planId, request) =>
      http.json(await send(`${at(planId)}/draws`, 'POST', request), drawAnswer),
    draw: async (id) =>
      http.json(
        await http.request(drawAt(id)),
        z.object({ draw: drawRecordSchema, input: drawInputSchema }),
      ),
    verify: async (id) =>
      http.json(
        await http.request(`${drawAt(id)}/verify`),
        z.object({ matches: z.boolean(), problems: verificationProblems }),
      ),
    results: async (drawId) =>
      (
        await http.json(
          await http.request(`${drawAt(drawId)}/results`),
          z.object({ publication: publicationSchema }),
        )
      ).publication,
  };
}
