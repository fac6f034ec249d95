// The client of the two lists' online routes on the signed-in profile's server: the agency's
// inspection-target list with supervisors' overrides (/target-list, /risk-overrides) and
// officers' declared conflicts (/officer-conflicts). Both are held by the server, so every read
// and write is online.
import { z } from 'zod';
import type { ConflictDeclaration } from '../../../../domain/schemas/officer';
import { conflictDeclarationSchema } from '../../../../domain/schemas/officer';
import type { ConflictDeclare } from '../../../../domain/schemas/plan-requests';
import type { RiskOverride } from '../../../../domain/schemas/risk';
import type {
  RiskOverrideRequest,
  TargetListAnswer,
} from '../../../../domain/schemas/target-list-api';
import {
  riskOverrideAnswerSchema,
  targetListAnswerSchema,
} from '../../../../domain/schemas/target-list-api';
import type { HttpCore } from '../../sync/http-core';
import { jsonBody } from '../../sync/http-core';

const conflictListSchema = z.object({ conflicts: z.array(conflictDeclarationSchema) });
const conflictAnswerSchema = z.object({ conflict: conflictDeclarationSchema });

export interface ListsClient {
  targetList(): Promise<TargetListAnswer>;
  override(request: RiskOverrideRequest): Promise<RiskOverride>;
  withdrawOverride(id: string): Promise<RiskOverride>;
  conflicts(): Promise<ConflictDeclaration[]>;
  declareConflict(request: ConflictDeclare): Promise<ConflictDeclaration>;
  withdrawConflict(id: string): Promise<ConflictDeclaration>;
}

export function createListsClient(http: HttpCore): ListsClient {
  const post = (path: string, body?: unknown) =>
    http.request(path, { method: 'POST', ...(body === undefined ? {} : { body: jsonBody(body) }) });
  const withdraw = (base: string, id: string) => post(`${base}/${encodeURIComponent(id)}/withdraw`);
  return {
    targetList: async () => http.json(await http.request('/target-list'), targetListAnswerSchema),
    override: async (request) =>
      (await http.json(await post('/risk-overrides', request), riskOverrideAnswerSchema)).override,
    withdrawOverride: async (id) =>
      (await http.json(await withdraw('/risk-overrides', id), riskOverrideAnswerSchema)).override,
    conflicts: async () =>
      (await http.json(await http.request('/officer-conflicts'), conflictListSchema)).conflicts,
    declareConflict: async (request) =>
      (await http.json(await post('/officer-conflicts', request), conflictAnswerSchema)).conflict,
    withdrawConflict: async (id) =>
      (await http.json(await withdraw('/officer-conflicts', id), conflictAnswerSchema)).conflict,
  };
}
