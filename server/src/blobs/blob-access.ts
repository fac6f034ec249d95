// Owns who may know of a blob (photo, signature): its uploaders, who hold its bytes; everyone
// who may read a record that refers to it (a record of their towns, a record every user reads,
// or an inspection they take part in and its findings); those who may see a penalty case whose
// service receipts it signs (its agency's officers of its town); and administrators, who read
// every record. GET /blobs serves, POST /blobs/missing admits and a push lets a record refer to only
// what this rule allows; to anyone else the server answers as if it did not hold the blob.
import type { User } from '../../../domain/schemas/user';
import type { Queryable } from '../db/database';

/** The entity under which blob_refs records a penalty case's references (its receipts' signatures). */
export const CASE_BLOB_ENTITY = 'penaltyCase';

/** The SQL parameters the rule reads, in the order `mayKnowSql` numbers them from `first`. */
export function callerParams(user: User): unknown[] {
  return [user.role === 'admin', JSON.stringify([...new Set(user.jurisdiction)]), user.id];
}

/**
 * A condition that is true when the caller (parameters `first` to `first + 2`: callerParams) may
 * know of the blob whose hash is the SQL expression `hash`.
 */
export function mayKnowSql(hash: string, first: number): string {
  const [admin, towns, userId] = [first, first + 1, first + 2].map((n) => `$${n}`);
  // OFFSET 0 keeps each EXISTS a lookup by hash: the planner may otherwise read a whole table.
  return `(${admin}::boolean
    OR EXISTS (SELECT 1 FROM blob_uploads u
      WHERE u.sha256 = ${hash} AND u.user_id = ${userId}::uuid OFFSET 0)
    OR EXISTS (SELECT 1 FROM blob_refs br JOIN records r ON r.entity = br.entity AND r.id = br.record_id
      WHERE br.sha256 = ${hash} AND (r.town IS NULL
        OR r.town IN (SELECT value FROM jsonb_array_elements_text(${towns}::jsonb))
        OR EXISTS (SELECT 1 FROM participants p WHERE p.user_id = ${userId}::uuid
          AND p.inspection_id = CASE WHEN r.entity = 'inspection' THEN r.id
            ELSE (r.data->>'inspectionId')::uuid END OFFSET 0))
      OFFSET 0)
    OR EXISTS (SELECT 1 FROM blob_refs bc JOIN penalty_cases c ON c.id = bc.record_id
      WHERE bc.sha256 = ${hash} AND bc.entity = '${CASE_BLOB_ENTITY}'
        AND c.town IN (SELECT value FROM jsonb_array_elements_text(${towns}::jsonb))
        AND c.agency_id = (SELECT (u.data->>'agencyId')::uuid FROM records u
          WHERE u.entity = 'user' AND u.id = ${userId}::uuid)
      OFFSET 0))`;
}

/**
 * Of `hashes`, those the server holds and the caller may know of, in one query: what
 * `blobs/missing` does not call missing, and what a record of the caller may newly refer to.
 */
export async function knownBlobs(
  db: Queryable,
  user: User,
  hashes: Iterable<string>,
): Promise<Set<string>> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return new Set();
  const rows = await db.query<{ sha256: string }>(
    `SELECT b.sha256 FROM blobs b
     WHERE b.sha256 IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))
       AND ${mayKnowSql('b.sha256', 2)}`,
    [JSON.stringify(unique), ...callerParams(user)],
  );
  return new Set(rows.map((r) => r.sha256));
}
