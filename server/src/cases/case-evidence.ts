// Owns whether a piece of evidence may be linked to a case: a submitted inspection, a hazard of
// one, or a registered document, of the case's enterprise, that the server holds and that is not
// deleted, or a photo that such a hazard (or one of its re-inspections) carries among its photos.
// A draft is no record yet: unsigned, it may still change.
import type { EvidenceRef, PenaltyCase } from '../../../domain/schemas/penalty-case';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';

// The hazard `f` was recorded in an inspection the server holds submitted.
const OF_SUBMITTED = `EXISTS (SELECT 1 FROM records i WHERE i.entity = 'inspection'
     AND i.id = (f.data->>'inspectionId')::uuid AND i.data->>'status' = 'submitted')`;

// A photo counts only where a hazard holds it as a photo: its own, its latest re-inspection's,
// or an earlier re-inspection's in its history. Matching the hash anywhere in the record's text
// would let a hazard whose description quotes another enterprise's photo vouch for that photo.

const PHOTO_OF_ENTERPRISE = `SELECT 1 FROM records f WHERE f.entity = 'finding'
     AND f.deleted_at IS NULL AND f.data->>'enterpriseId' = $1 AND ${OF_SUBMITTED}
     AND (f.data->'photos' @> $2::jsonb
       OR f.data->'verification'->'photos' @> $2::jsonb
       OR EXISTS (SELECT 1 FROM jsonb_array_elements(
             CASE WHEN jsonb_typeof(f.data->'history') = 'array' THEN f.data->'history' ELSE '[]'::jsonb END
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
          `SELECT 1 FROM records f WHERE f.entity = $1 AND f.id = $2::uuid
             AND f.deleted_at IS NULL AND f.data->>'enterpriseId' = $3
             AND CASE f.entity WHEN 'inspection' THEN f.data->>'status' = 'submitted'
                               WHEN 'finding' THEN ${OF_SUBMITTED}
                               ELSE true END`,
          [ref.kind, ref.id, c.enterpriseId],
        );
  if (rows.length === 0) {
    throw new ApiError(
      422,
      'evidence_unknown',
      `No ${ref.kind} of the case's enterprise, of a submitted inspection, is on the server as named in evidence.`,
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
