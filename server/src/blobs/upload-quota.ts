// Owns the upload quota: the bytes one user has uploaded that no record has referred to yet may
// not exceed a limit, so that nobody fills the server with photos no record claims. Bytes leave
// the count when a record first refers to them (record-store.ts) or when unused uploads are
// collected (blob-gc.ts). Uploads running at the same moment are each checked against the count
// before the others: together they may pass the limit by what is in flight at once.
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

const MIB = 1024 * 1024;

export const quotaExceeded = (pending: number, adding: number, quota: number) =>
  new ApiError(
    413,
    'upload_quota_exceeded',
    `Upload quota reached: you have ${(pending / MIB).toFixed(1)} MiB of photos and signatures ` +
      `on the server that no record refers to yet, and these ${(adding / MIB).toFixed(1)} MiB ` +
      `would pass the limit of ${(quota / MIB).toFixed(0)} MiB per user. Send the records that ` +
      `use the photos already uploaded first; unused uploads are removed after a while.`,
  );

/**
 * Refuses (413 upload_quota_exceeded) when `blobs` would take the user's pending bytes past
 * `quota`. A blob the user uploaded before is counted already, and one a record refers to is
 * not counted at all. One query, served by the pending uploads' index.
 */
export async function checkUploadQuota(
  db: Queryable,
  userId: string,
  blobs: readonly { sha256: string; size: number }[],
  quota: number,
): Promise<void> {
  if (blobs.length === 0) return;
  // One row for the pending total (sha256 null), one for each of `blobs` that adds nothing. Each
  // part is driven by the user's pending uploads (their partial index) or by the hashes sent,
  // with a lookup by key for each (OFFSET 0: never a scan of a whole table).
  const rows = await db.query<{ sha256: string | null; pending: number }>(
    `SELECT NULL AS sha256, coalesce(sum(u.size), 0)::bigint AS pending
       FROM blob_uploads u
       WHERE u.user_id = $1::uuid AND u.pending
         AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = u.sha256 AND b.referenced OFFSET 0)
     UNION ALL
     SELECT h.value, 0 FROM jsonb_array_elements_text($2::jsonb) AS h
       WHERE EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = h.value AND b.referenced OFFSET 0)
         OR EXISTS (SELECT 1 FROM blob_uploads u
                    WHERE u.sha256 = h.value AND u.user_id = $1::uuid OFFSET 0)`,
    [userId, JSON.stringify(blobs.map((b) => b.sha256))],
  );
  const pending = Number(rows.find((r) => r.sha256 === null)?.pending ?? 0);
  const free = new Set(rows.map((r) => r.sha256));
  const adding = blobs.filter((b) => !free.has(b.sha256)).reduce((sum, b) => sum + b.size, 0);
  if (adding > 0 && pending + adding > quota) throw quotaExceeded(pending, adding, quota);
}
