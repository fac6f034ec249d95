// Which blobs (photos, signatures) a record refers to: what GET /blobs authorises by.
import type { EntityName } from '../../../domain/schemas/entities';

interface Ref {
  sha256?: unknown;
}

const hashesOf = (list: unknown, pick: (item: Ref & { image?: Ref }) => unknown): string[] =>
  Array.isArray(list)
    ? list.map((item) => pick(item as Ref)).filter((h): h is string => typeof h === 'string')
    : [];

/** Service receipts' signatures: the recipient's, or the witnesses' of a refusal. */
function receiptHashes(receipts: readonly unknown[]): string[] {
  const list = receipts.filter((r) => r !== null && typeof r === 'object');
  return [
    ...hashesOf(list, (r) => (r as { signature?: Ref | null }).signature?.sha256),
    ...list.flatMap((r: unknown) =>
      hashesOf(
        (r as { refusal?: { witnesses?: unknown } | null }).refusal?.witnesses,
        (w) => (w as { signature?: Ref }).signature?.sha256,
      ),
    ),
  ];
}

/** The distinct SHA-256 addresses the record's data refers to. */
export function blobReferences(entity: EntityName, data: Record<string, unknown>): string[] {
  if (entity === 'finding') {
    const verification = data.verification as { photos?: unknown } | null | undefined;
    return [
      ...new Set([
        ...hashesOf(data.photos, (p) => p.sha256),
        ...hashesOf(verification?.photos, (p) => p.sha256),
        // Earlier re-inspections' after-photos stay readable once a later one replaced them.
        ...(Array.isArray(data.history) ? data.history : []).flatMap((event: unknown) =>
          hashesOf(
            (event as { verification?: { photos?: unknown } }).verification?.photos,
            (p) => p.sha256,
          ),
        ),
        // The service receipts of granted extensions' decisions, kept on their requests.
        ...receiptHashes(
          (Array.isArray(data.extensions) ? data.extensions : []).map(
            (e: unknown) => (e as { serviceReceipt?: unknown }).serviceReceipt,
          ),
        ),
      ]),
    ];
  }
  if (entity === 'inspection') {
    const receipts = Array.isArray(data.serviceReceipts) ? data.serviceReceipts : [];
    return [
      ...new Set([
        ...hashesOf(data.signatures, (s) => s.image?.sha256),
        ...receiptHashes(receipts),
      ]),
    ];
  }
  return [];
}
