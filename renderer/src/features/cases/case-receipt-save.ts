// Saves a penalty case's service receipt on the server, where the case is held: the signatures'
// PNGs first, each by its content address (PUT /blobs/:sha256, as the sync uploads them), then the
// receipt naming them. The server refuses a receipt whose signatures it does not hold.
import type { PenaltyCase } from '../../../../domain/schemas/penalty-case';
import type { ReceiptInput } from '../../db/repositories/service-receipts';
import { prepareReceipt } from '../../db/repositories/service-receipts';
import type { ApiClient } from '../../sync/api-client';
import type { CasesClient } from './cases-client';

export async function saveCaseReceipt(
  cases: CasesClient,
  blobs: Pick<ApiClient, 'putBlob'>,
  c: Pick<PenaltyCase, 'id' | 'version'>,
  input: ReceiptInput,
): Promise<PenaltyCase> {
  const { receipt, pngs } = await prepareReceipt(input);
  for (const { ref, png } of pngs) await blobs.putBlob(ref.sha256, ref.mime, png);
  return cases.recordReceipt(c.id, { version: c.version, receipt });
}
