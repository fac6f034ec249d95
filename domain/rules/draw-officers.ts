// The second half of a draw: officers for each drawn enterprise, subject to the avoidance rules,
// with the load spread over the officers. A visit that the rules leave without enough officers is
// returned unstaffed with the reasons, never staffed against a rule.
import type {
  Assignment,
  ConflictPair,
  DrawnVisit,
  ExclusionReason,
  Unstaffed,
} from '../schemas/draw';
import type { OfficerEntry } from '../schemas/officer';
import type { RiskClass } from '../schemas/risk';
import { officerPeriodExclusions } from './officer-list';
import type { SeededRandom } from './seeded-random';

/** Officers every visit has: no inspection is made by fewer than two law-enforcement officers. */
export const OFFICERS_PER_VISIT = 2;

export interface VisitToStaff {
  enterpriseId: string;
  riskClass: RiskClass;
  /** One agency, or the agency and its partner for a joint visit. */
  agencyIds: string[];
}

export interface StaffingRules {
  period: { from: string; to: string };
  conflicts: readonly ConflictPair[];
  previousAssignments: readonly Assignment[];
}

const pair = (officerId: string, enterpriseId: string) => `${officerId}|${enterpriseId}`;

/**
 * Staffs the visits in order. For each visit and each of its agencies, the candidates are the
 * agency's officers (by user id) with no reason to be excluded:
 * - certificate not valid on every day of the period, or on leave on a day of it;
 * - a declared conflict with the enterprise;
 * - assigned to the same enterprise in the previous draw.
 * A single agency's visit takes two of its officers; a joint visit one of each agency's (two in
 * all, so each agency inspects by its own certified officer). The load is spread: the candidates
 * are shuffled on the random stream, then stably ordered by how many visits each has in this draw
 * so far, and the first are taken; so officers with fewer visits always go first, ties at random,
 * and when every officer may serve every visit their counts differ by at most one. When an agency
 * has too few candidates the visit gets no officers and says, per agency, who was excluded and
 * why; no random numbers are used for it.
 */
export function staffVisits(
  visits: readonly VisitToStaff[],
  officers: readonly OfficerEntry[],
  rules: StaffingRules,
  random: SeededRandom,
): DrawnVisit[] {
  const sorted = [...officers].sort((a, b) =>
    a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0,
  );
  const periodReasons = new Map(
    sorted.map((o) => [o.userId, officerPeriodExclusions(o, rules.period)]),
  );
  const conflicts = new Set(rules.conflicts.map((c) => pair(c.officerId, c.enterpriseId)));
  const previous = new Set(rules.previousAssignments.map((a) => pair(a.officerId, a.enterpriseId)));
  const load = new Map<string, number>();

  return visits.map((visit) => {
    const perAgency = OFFICERS_PER_VISIT / visit.agencyIds.length;
    const byAgency = visit.agencyIds.map((agencyId) => {
      const eligible: OfficerEntry[] = [];
      const excluded: { officerId: string; reasons: ExclusionReason[] }[] = [];
      for (const officer of sorted.filter((o) => o.agencyId === agencyId)) {
        const reasons = [...(periodReasons.get(officer.userId) ?? [])];
        const key = pair(officer.userId, visit.enterpriseId);
        if (conflicts.has(key)) reasons.push('conflict');
        if (previous.has(key)) reasons.push('sameAsPreviousDraw');
        if (reasons.length === 0) eligible.push(officer);
        else excluded.push({ officerId: officer.userId, reasons });
      }
      return { agencyId, eligible, excluded };
    });

    if (byAgency.some((a) => a.eligible.length < perAgency)) {
      const unstaffed: Unstaffed = {
        needed: OFFICERS_PER_VISIT,
        byAgency: byAgency.map((a) => ({
          agencyId: a.agencyId,
          eligible: a.eligible.length,
          excluded: a.excluded,
        })),
      };
      return { ...visit, joint: visit.agencyIds.length > 1, officerIds: [], unstaffed };
    }

    const officerIds = byAgency.flatMap((a) =>
      random
        .shuffled(a.eligible)
        .map((o) => o.userId)
        // Array.prototype.sort is stable, so equal loads keep the shuffled order.
        .sort((x, y) => (load.get(x) ?? 0) - (load.get(y) ?? 0))
        .slice(0, perAgency),
    );
    for (const id of officerIds) load.set(id, (load.get(id) ?? 0) + 1);
    return { ...visit, joint: visit.agencyIds.length > 1, officerIds, unstaffed: null };
  });
}
