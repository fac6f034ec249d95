// Owns whether a piece of evidence may be linked to a case: an inspection, hazard or registered
// document of the case's enterprise that the server holds and that is not deleted, or a photo
// that such a hazard (or one of its re-inspections) carries among its photos.
import type { EvidenceRef, PenaltyCase } from '../../../domain/schemas/penalty-case';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

// A photo counts only where a hazard holds it as a photo: its own, its latest re-inspection's,
// or an earlier re-inspection's in its history. Matching the hash anywhere in the record's text
// would let a hazard whose description quotes another enterprise's photo vouch for that photo.
const PHOTO_OF_ENTERPRISE = `SELECT 1 FROM records WHERE entity = 'finding' AND deleted_at IS NULL
     AND data->>'enterpriseId' = $1
     AND (data->'photos' @> $2::jsonb
       OR data->'verification'->'photos' @> $2::jsonb
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(
             CASE WHEN jsonb_typeof(data->'history') = 'array' THEN data->'history' ELSE '[]'::jsonb END
           ) h WHERE h->'verification'->'photos' @> $2::jsonb))
   LIMIT 1`;

export async function checkEvidence(
  tx: Queryable,
  c: PenaltyCase,
  ref: EvidenceRef,
): Promise<void> {
  const rows =
    ref.kind === 'photo'
      ? await tx.query(PHOTO_OF_ENTERPRISE, [
          c.enterpriseId,
          JSON.stringify([{ sha256: ref.sha256 }]),
        ])
      : await tx.query(
          `SELECT 1 FROM records WHERE entity = $1 AND id = $2::uuid AND deleted_at IS NULL
             AND data->>'enterpriseId' = $3`,
          [ref.kind, ref.id, c.enterpriseId],
        );
  if (rows.length === 0) {
    throw new ApiError(
      422,
      'evidence_unknown',
      `No ${ref.kind} of the case's enterprise is on the server as named in evidence.`,
    );
  }
  const same = (e: EvidenceRef) => JSON.stringify(e) === JSON.stringify(ref);
  if (
    c.evidence.some((e) => same(e.ref)) ||
    c.amendments.some((a) => a.evidence && same(a.evidence))
  ) {
    throw new ApiError(409, 'evidence_linked', 'That evidence is already linked to the case.');
  }
}
