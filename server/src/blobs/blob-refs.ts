// Adding references from records to blobs (blob_refs): the synced inspections and hazards, and a
// penalty case's service receipts. A blob's first reference marks it for good (never collected,
// see blob-gc.ts) and takes its bytes out of its uploaders' quotas, in the same statement.
import type { Queryable } from '../db/database';

/** One record's reference to one blob. */
export interface BlobReference {
  sha256: string;
  entity: string;
  id: string;
}

/** Adds the references (a reference already held is kept as it is). */
export async function addBlobReferences(
  tx: Queryable,
  refs: readonly BlobReference[],
): Promise<void> {
  if (refs.length === 0) return;
  // `= ANY (ARRAY(…))` looks each hash up by key, where a join may read every unreferenced blob or
  // pending upload.
  await tx.query(
    `WITH refs AS (
       INSERT INTO blob_refs (sha256, entity, record_id)
       SELECT sha256, entity, id FROM jsonb_to_recordset($1::jsonb) AS r(sha256 text, entity text, id uuid)
       ON CONFLICT DO NOTHING RETURNING sha256),
     marked AS (
       UPDATE blobs SET referenced = true
       WHERE sha256 = ANY (ARRAY(SELECT sha256 FROM refs)) AND NOT referenced RETURNING sha256)
     UPDATE blob_uploads SET pending = false
     WHERE sha256 = ANY (ARRAY(SELECT sha256 FROM marked)) AND pending`,
    [JSON.stringify(refs)],
  );
}
