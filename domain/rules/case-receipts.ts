// Service receipts (送达回证) of a penalty case: which of its documents are served on the party
// (the notice and the decision; the 立案审批表 is internal and never is), who records the service,
// and what makes a receipt impossible. Shared by the server, which enforces it
// (server/src/cases/case-receipts.ts), and the case drawer, which offers only what it allows.
import type { CaseDocumentKind, CaseStage, PenaltyCase } from '../schemas/penalty-case';
import type { ServiceReceipt } from '../schemas/service-receipt';
import type { CaseActor } from './penalty-stages';
import { mayHandle } from './penalty-stages';

/** The documents served on the party, and the stage whose entry issues each. */
export const SERVED_CASE_DOCUMENTS: Readonly<Partial<Record<CaseDocumentKind, CaseStage>>> = {
  penaltyNotice: 'notice',
  penaltyDecision: 'decision',
};

export type CaseReceiptProblem = 'notServed' | 'notIssued' | 'alreadyServed' | 'beforeIssued';

/**
 * Who records a service: serving the notice and the decision is the handling officers' work (a
 * supervisor of the agency may record it too), as carrying out the decision is (执行).
 */
export function mayRecordReceipt(user: CaseActor, c: Parameters<typeof mayHandle>[1]): boolean {
  return mayHandle(user, c);
}

/** When the case issued the document: the start of the stage that numbered it, if it has. */
export function issuedAt(
  c: Pick<PenaltyCase, 'steps' | 'documents'>,
  kind: CaseDocumentKind,
): string | null {
  const stage = SERVED_CASE_DOCUMENTS[kind];
  if (!stage || !c.documents.some((d) => d.kind === kind)) return null;
  return c.steps.find((s) => s.stage === stage)?.startedAt ?? null;
}

/** The documents the case has issued to the party and not yet recorded as served. */
export function unservedDocuments(
  c: Pick<PenaltyCase, 'steps' | 'documents' | 'serviceReceipts'>,
): CaseDocumentKind[] {
  return c.documents
    .map((d) => d.kind)
    .filter((kind) => issuedAt(c, kind) !== null)
    .filter((kind) => !(c.serviceReceipts ?? []).some((r) => r.document === kind));
}

/** The start of the minute `at` falls in: a receipt's time is entered to the minute. */
const minuteOf = (at: string) => Math.floor(Date.parse(at) / 60_000) * 60_000;

/**
 * Why the receipt cannot be recorded on the case, or null: it serves a document the party is
 * served, that the case has issued, once, and not before it was issued (to the minute, as the
 * form takes the time). Whether the time is in the future is the server's clock's.
 */
export function caseReceiptProblem(
  c: Pick<PenaltyCase, 'steps' | 'documents' | 'serviceReceipts'>,
  receipt: Pick<ServiceReceipt, 'document' | 'servedAt'>,
): CaseReceiptProblem | null {
  const kind = receipt.document as CaseDocumentKind;
  if (SERVED_CASE_DOCUMENTS[kind] === undefined) return 'notServed';
  const issued = issuedAt(c, kind);
  if (issued === null) return 'notIssued';
  if ((c.serviceReceipts ?? []).some((r) => r.document === kind)) return 'alreadyServed';
  if (Date.parse(receipt.servedAt) < minuteOf(issued)) return 'beforeIssued';
  return null;
}
