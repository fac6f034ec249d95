// Owns whether a service receipt (送达回证) may be added to a penalty case, and the references
// that keep its signatures: the recorder handles the case, the receipt serves a document the case
// issued to the party, once, at a time between its issue and the server's now, by officers of the
// case's agency, with signatures the server holds and the recorder may know of (uploaded first).
// Its signatures are referenced by the case in blob_refs (entity 'penaltyCase'): blob GC keeps
// them for good, and the case's readers may read them (blobs/blob-access.ts).
import { caseReceiptProblem, mayRecordReceipt } from '../../../domain/rules/case-receipts';
import type { CaseReceiptProblem } from '../../../domain/rules/case-receipts';
import type { PenaltyCase } from '../../../domain/schemas/penalty-case';
import type { ServiceReceipt } from '../../../domain/schemas/service-receipt';
import type { User } from '../../../domain/schemas/user';
import { CASE_BLOB_ENTITY, knownBlobs } from '../blobs/blob-access';
import { addBlobReferences } from '../blobs/blob-refs';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { STATED_TIME_TOLERANCE_MS } from '../sync/rectification-rules';

const PROBLEMS: Record<CaseReceiptProblem, ApiError> = {
  notServed: new ApiError(
    422,
    'receipt_document',
    'Only the penalty notice and the penalty decision are served on the party (receipt.document).',
  ),
  notIssued: new ApiError(
    409,
    'receipt_not_issued',
    'The case has not issued that document yet: there is nothing to serve (receipt.document).',
  ),
  alreadyServed: new ApiError(
    409,
    'receipt_exists',
    'That document already has its service receipt; a receipt is never replaced.',
  ),
  beforeIssued: new ApiError(
    422,
    'receipt_time',
    'The document cannot be served before the case issued it (receipt.servedAt).',
  ),
};

/** The signatures a receipt carries: the recipient's, or the witnesses' of a refusal. */
export function receiptSignatures(receipt: ServiceReceipt): string[] {
  return [
    ...(receipt.signature ? [receipt.signature.sha256] : []),
    ...(receipt.refusal?.witnesses.map((w) => w.signature.sha256) ?? []),
  ];
}

async function agencyOfficers(tx: Queryable, agencyId: string): Promise<Set<string>> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id::text AS id FROM records
     WHERE entity = 'user' AND deleted_at IS NULL AND data->>'agencyId' = $1
       AND data->>'role' <> 'admin'`,
    [agencyId],
  );
  return new Set(rows.map((r) => r.id));
}

export async function checkCaseReceipt(
  tx: Queryable,
  user: User,
  c: PenaltyCase,
  receipt: ServiceReceipt,
  now: Date,
): Promise<void> {
  if (!mayRecordReceipt(user, c)) {
    throw new ApiError(
      403,
      'case_forbidden',
      "Only the case's handling officers or a supervisor of its agency record its service.",
    );
  }
  const problem = caseReceiptProblem(c, receipt);
  if (problem) throw PROBLEMS[problem];
  if (Date.parse(receipt.servedAt) > now.getTime() + STATED_TIME_TOLERANCE_MS) {
    throw new ApiError(422, 'receipt_time', 'The service is in the future (receipt.servedAt).');
  }
  const officers = await agencyOfficers(tx, c.agencyId);
  const stranger = receipt.servedBy.find((id) => !officers.has(id));
  if (stranger) {
    throw new ApiError(
      422,
      'receipt_served_by',
      `Officer ${stranger} is not an officer of the case's agency (receipt.servedBy).`,
    );
  }
  // The version lock orders this with blob GC as a push's references are (blobs/blob-gc.ts): a
  // signature found here is not collected before the references below commit.
  await tx.query('SELECT version FROM sync_state FOR UPDATE');
  const signatures = receiptSignatures(receipt);
  const held = await knownBlobs(tx, user, signatures);
  const missing = signatures.find((hash) => !held.has(hash));
  if (missing) {
    throw new ApiError(
      422,
      'receipt_blob_missing',
      `The server does not hold signature ${missing}: upload it first (PUT /blobs/${missing}).`,
    );
  }
}

/** Refers the case to the receipt's signatures: kept for good, out of the uploaders' quotas. */
export async function referReceiptBlobs(
  tx: Queryable,
  caseId: string,
  receipt: ServiceReceipt,
): Promise<void> {
  await addBlobReferences(
    tx,
    [...new Set(receiptSignatures(receipt))].map((sha256) => ({
      sha256,
      entity: CASE_BLOB_ENTITY,
      id: caseId,
    })),
  );
}
