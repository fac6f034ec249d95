// The hashes a draw's record keeps of its inputs and result: SHA-256 of canonical JSON
// (rules/canonical-json.ts). Lists that are sets are hashed in canonical order, so the same
// lists hash the same whatever order they were read in; any change to an entry changes the hash.
import type { DrawInput, DrawInputHashes, DrawResult } from '../schemas/draw';
import type { CanonicalValue } from './canonical-json';
import { canonicalHash, canonicalSet } from './canonical-json';

/**
 * What is hashed of each input:
 * - plan: the version's id, agency, year, revision, period kind, shares and key inspections;
 * - targets: the entries (enterprise, class, major-hazard level) as a set;
 * - officers: the entries (user, agency, certificate and expiry, leave as a set) as a set;
 * - conflicts, previousAssignments: the pairs as a set; drawnEarlierInYear: the ids as a set;
 * - partnerDue: null for a draw that is not joint, else the partner and its due ids as a set.
 */
export function drawInputHashes(input: DrawInput): DrawInputHashes {
  const { plan } = input;
  return {
    plan: canonicalHash({
      id: plan.id,
      agencyId: plan.agencyId,
      year: plan.year,
      revision: plan.revision,
      periodKind: plan.periodKind,
      shares: plan.shares,
      keyInspectionsPerYear: plan.keyInspectionsPerYear,
    }),
    targets: canonicalHash(canonicalSet(input.targets)),
    officers: canonicalHash(
      canonicalSet(input.officers.map((o) => ({ ...o, leave: canonicalSet(o.leave) }))),
    ),
    conflicts: canonicalHash(canonicalSet(input.conflicts)),
    previousAssignments: canonicalHash(canonicalSet(input.previousAssignments)),
    drawnEarlierInYear: canonicalHash(canonicalSet(input.drawnEarlierInYear)),
    partnerDue: canonicalHash(
      input.joint === null
        ? null
        : {
            partnerAgencyId: input.joint.partnerAgencyId,
            dueEnterpriseIds: canonicalSet(input.joint.dueEnterpriseIds),
          },
    ),
  };
}

/** The hash of a result as drawn: the visits' order is part of it. */
export function drawResultHash(result: DrawResult): string {
  return canonicalHash(result as CanonicalValue);
}
