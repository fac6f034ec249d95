// The client of penalty cases under /api/v1/cases, on the signed-in profile's server: cases are
// held by the server (see docs/ARCHITECTURE.md, Penalty cases), so every read and write is online.
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import { penaltyCaseSchema } from '../../../../domain/schemas/penalty-case';
import type {
  CaseAdvanceRequest,
  CaseAmendmentRequest,
  CaseApprovalRequest,
  CaseEvidenceRequest,
  CaseListResponse,
  CaseOpenRequest,
  CaseReceiptRequest,
} from '../../../../domain/sync/cases-api';
import { caseListResponseSchema } from '../../../../domain/sync/cases-api';
import type { HttpCore } from '../../sync/http-core';
import { jsonBody } from '../../sync/http-core';

export interface CasesClient {
  list(): Promise<CaseListResponse>;
  get(id: string): Promise<PenaltyCase>;
  open(request: CaseOpenRequest): Promise<PenaltyCase>;
  approve(id: string, request: CaseApprovalRequest): Promise<PenaltyCase>;
  advance(id: string, request: CaseAdvanceRequest): Promise<PenaltyCase>;
  linkEvidence(id: string, request: CaseEvidenceRequest): Promise<PenaltyCase>;
  amend(id: string, request: CaseAmendmentRequest): Promise<PenaltyCase>;
  /** A service receipt whose signatures the server already holds (see case-receipt-save.ts). */
  recordReceipt(id: string, request: CaseReceiptRequest): Promise<PenaltyCase>;
}

export function createCasesClient(http: HttpCore): CasesClient {
  const post = async (path: string, body: unknown) =>
    http.json(
      await http.request(`/cases${path}`, { method: 'POST', body: jsonBody(body) }),
      penaltyCaseSchema,
    );
  const on = (id: string, action: string) => `/${encodeURIComponent(id)}/${action}`;
  return {
    list: async () => http.json(await http.request('/cases'), caseListResponseSchema),
    get: async (id) =>
      http.json(await http.request(`/cases/${encodeURIComponent(id)}`), penaltyCaseSchema),
    open: (request) => post('', request),
    approve: (id, request) => post(on(id, 'approval'), request),
    advance: (id, request) => post(on(id, 'advance'), request),
    linkEvidence: (id, request) => post(on(id, 'evidence'), request),
    amend: (id, request) => post(on(id, 'amendments'), request),
    recordReceipt: (id, request) => post(on(id, 'receipts'), request),
  };
}
