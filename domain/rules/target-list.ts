// An agency's inspection-target list (检查对象名录库): each enterprise with its computed risk
// class, the supervisor's override in force, and the class a draw uses. Who may override.
import type { RiskClass, RiskOverride, TargetEntry } from '../schemas/risk';
import type { User } from '../schemas/user';
import { canonicalJson } from './canonical-json';
import type { MajorHazardLevel } from './gb18218';
import type { RiskAssessment } from './risk-class';

export type OverrideForList = Pick<
  RiskOverride,
  'id' | 'enterpriseId' | 'agencyId' | 'riskClass' | 'decidedAt' | 'deletedAt'
>;

/**
 * The override in force for an enterprise in an agency's list: the latest decided (ties by id)
 * of those not withdrawn; null when the computed class stands.
 */
export function overrideInForce<O extends OverrideForList>(
  overrides: readonly O[],
  enterpriseId: string,
  agencyId: string,
): O | null {
  let best: O | null = null;
  for (const o of overrides) {
    if (o.deletedAt !== null || o.enterpriseId !== enterpriseId || o.agencyId !== agencyId)
      continue;
    const later =
      best === null ||
      Date.parse(o.decidedAt) > Date.parse(best.decidedAt) ||
      (Date.parse(o.decidedAt) === Date.parse(best.decidedAt) && o.id > best.id);
    if (later) best = o;
  }
  return best;
}

export interface TargetListRow<O extends OverrideForList = OverrideForList> {
  enterpriseId: string;
  assessment: RiskAssessment;
  computedClass: RiskClass;
  override: O | null;
  /** The class the draw uses: the override's when there is one. */
  riskClass: RiskClass;
  majorHazardLevel: MajorHazardLevel | null;
}

/**
 * The agency's list from one assessment per enterprise of the registry (the caller leaves out
 * deleted enterprises) and the overrides, by enterprise id.
 */
export function targetList<O extends OverrideForList>(
  agencyId: string,
  assessments: readonly RiskAssessment[],
  overrides: readonly O[],
): TargetListRow<O>[] {
  return assessments
    .map((assessment) => {
      const override = overrideInForce(overrides, assessment.enterpriseId, agencyId);
      const source = assessment.factors.find((f) => f.code === 'majorHazardSource');
      return {
        enterpriseId: assessment.enterpriseId,
        assessment,
        computedClass: assessment.riskClass,
        override,
        riskClass: override?.riskClass ?? assessment.riskClass,
        majorHazardLevel: source?.code === 'majorHazardSource' ? source.level : null,
      };
    })
    .sort((a, b) =>
      a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0,
    );
}

/** The list as a draw reads it. */
export function drawTargets(rows: readonly TargetListRow[]): TargetEntry[] {
  return rows.map(({ enterpriseId, riskClass, majorHazardLevel }) => ({
    enterpriseId,
    riskClass,
    majorHazardLevel,
  }));
}

export type RiskOverrideProblem =
  /** Only a supervisor of the agency whose list it is may override a class in it. */
  | 'riskOverride.notSupervisorOfAgency'
  /** The override names another person as its decider. */
  | 'riskOverride.decidedByOther'
  /** A recorded override is not changed: a new one replaces it, or it is withdrawn (deleted). */
  | 'riskOverride.immutable';

type OverrideContent = Omit<RiskOverride, 'version' | 'updatedAt' | 'deletedAt'>;
const contentOf = ({ version: _v, updatedAt: _u, deletedAt: _d, ...rest }: RiskOverride) =>
  rest satisfies OverrideContent;

/**
 * Why `actor` may not store `after`, or null when they may. `before` is the stored record with
 * its id (null for a new override): only its withdrawal is a change allowed.
 */
export function riskOverrideProblem(
  before: RiskOverride | null,
  after: RiskOverride,
  actor: Pick<User, 'id' | 'role' | 'agencyId' | 'deletedAt'>,
): RiskOverrideProblem | null {
  if (
    actor.deletedAt !== null ||
    actor.role !== 'supervisor' ||
    actor.agencyId !== after.agencyId
  ) {
    return 'riskOverride.notSupervisorOfAgency';
  }
  if (before !== null) {
    const same = canonicalJson(contentOf(before)) === canonicalJson(contentOf(after));
    return same && (before.deletedAt === null || after.deletedAt !== null)
      ? null
      : 'riskOverride.immutable';
  }
  return after.decidedBy === actor.id ? null : 'riskOverride.decidedByOther';
}
