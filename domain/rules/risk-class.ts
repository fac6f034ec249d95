// An enterprise's risk class for the inspection-target list, computed from stated factors. Every
// factor is returned with what it was read from and what it contributed, so a screen can show
// why an enterprise is in its class; the points and thresholds are policy, so they are data.
import type { Gb18218Table } from '../data/gb18218-table';
import type { Enterprise, Track } from '../schemas/enterprise';
import type { RiskClass } from '../schemas/risk';
import { riskRank } from '../schemas/risk';
import { addMonths } from './calendar-date';
import { isListedForSupervision, isOverdue } from './deadlines';
import type { MajorHazardLevel } from './gb18218';
import { gradeEnterprise } from './gb18218';
import type { FindingForStats, InspectionForStats } from './statistics-findings';
import { recordedFindings, rectificationTotal } from './statistics-findings';
import { milestoneState } from './statistics-tracks';

/**
 * How each factor scores, and the score each class starts at.
 *
 * - Major hazard source (GB 18218): 40, 30, 20, 10 points for levels 1–4; any major hazard source
 *   is at least `general`, as it is a key enterprise however clean its record.
 * - Open major hazards (重大隐患 not yet closed, listed for supervision): 10 each, at most 20.
 * - Overdue major hazards (open past their deadline): a further 15 each, at most 30; any overdue
 *   major hazard makes the enterprise at least `considerable`.
 * - Rectification record: the share of its hazards due in the last 24 months that were closed by
 *   their deadline; under 60 % gives 15 points, under 80 % 10, under 95 % 5. Nothing due gives 0.
 *   A hazard open past its deadline is due and not closed on time, so it counts here as well.
 * - Track: an overdue milestone of its relocation or upgrading track gives 10; the shutdown track
 *   gives 5 (an enterprise waiting to close tends to stop spending on safety).
 *
 * With the thresholds 50 / 30 / 15, a clean level-1 or level-2 source is `considerable`, and one
 * with an open major hazard is `major`; a clean level-3 source is `general`.
 */
export const RISK_POLICY = {
  majorHazardLevelPoints: { 1: 40, 2: 30, 3: 20, 4: 10 },
  openMajorHazard: { each: 10, max: 20 },
  overdueMajorHazard: { each: 15, max: 30 },
  rectification: {
    windowMonths: 24,
    /** Checked in order: the first band whose `below` the share is under gives its points. */
    bands: [
      { below: 0.6, points: 15 },
      { below: 0.8, points: 10 },
      { below: 0.95, points: 5 },
    ],
  },
  overdueMilestones: 10,
  shutdownTrack: 5,
  /** The least score of each class but the lowest. */
  thresholds: { major: 50, considerable: 30, general: 15 },
  floors: { majorHazardSource: 'general', overdueMajorHazard: 'considerable' },
} as const satisfies RiskPolicy;

export interface RiskPolicy {
  majorHazardLevelPoints: Readonly<Record<MajorHazardLevel, number>>;
  openMajorHazard: { each: number; max: number };
  overdueMajorHazard: { each: number; max: number };
  rectification: { windowMonths: number; bands: readonly { below: number; points: number }[] };
  overdueMilestones: number;
  shutdownTrack: number;
  thresholds: Readonly<Record<Exclude<RiskClass, 'low'>, number>>;
  floors: { majorHazardSource: RiskClass; overdueMajorHazard: RiskClass };
}

/** One factor: what it read, its points, and the class it sets as a minimum (null: none). */
export type RiskFactor =
  | {
      code: 'majorHazardSource';
      level: MajorHazardLevel | null;
      /** R of GB 18218 (null when not a major hazard source). */
      R: number | null;
      points: number;
      floor: RiskClass | null;
    }
  | { code: 'openMajorHazards'; count: number; points: number; floor: null }
  | { code: 'overdueMajorHazards'; count: number; points: number; floor: RiskClass | null }
  | {
      code: 'rectificationRecord';
      /** Hazards found in the window that were due by today. */
      due: number;
      closedOnTime: number;
      /** closedOnTime / due; null when nothing was due. */
      onTimeShare: number | null;
      windowFrom: string;
      points: number;
      floor: null;
    }
  | { code: 'overdueMilestones'; count: number; points: number; floor: null }
  | { code: 'shutdownTrack'; track: Track; points: number; floor: null };

export interface RiskAssessment {
  enterpriseId: string;
  /** The day the factors were read (China date). */
  asOf: string;
  factors: RiskFactor[];
  score: number;
  /** The class the score alone gives. */
  scoreClass: RiskClass;
  /** The computed class: the score's, raised to the highest floor a factor set. */
  riskClass: RiskClass;
}

export type EnterpriseForRisk = Pick<
  Enterprise,
  'id' | 'units' | 'peopleWithin500m' | 'track' | 'trackMilestones'
>;

/** The class a score gives under the policy's thresholds. */
export function classForScore(score: number, policy: RiskPolicy = RISK_POLICY): RiskClass {
  if (score >= policy.thresholds.major) return 'major';
  if (score >= policy.thresholds.considerable) return 'considerable';
  if (score >= policy.thresholds.general) return 'general';
  return 'low';
}

/** The more severe of two classes. */
export function moreSevere(a: RiskClass, b: RiskClass): RiskClass {
  return riskRank(a) <= riskRank(b) ? a : b;
}

const capped = (count: number, rule: { each: number; max: number }) =>
  Math.min(count * rule.each, rule.max);

function rectificationPoints(share: number | null, policy: RiskPolicy): number {
  if (share === null) return 0;
  return policy.rectification.bands.find((b) => share < b.below)?.points ?? 0;
}

/**
 * The risk class of one enterprise on `today` from its units' holdings, its hazards and its track.
 * `findings` and `inspections` may hold other enterprises' records: only its own are read, and
 * only hazards of submitted inspections count (as on the dashboard). `table` is the GB 18218
 * edition in force where the class is computed (the device's stored one, the server's current).
 */
export function assessRisk(
  enterprise: EnterpriseForRisk,
  findings: readonly FindingForStats[],
  inspections: readonly InspectionForStats[],
  today: string,
  table: Gb18218Table,
  policy: RiskPolicy = RISK_POLICY,
): RiskAssessment {
  const source = gradeEnterprise(enterprise, table);
  const own = recordedFindings(
    findings.filter((f) => f.enterpriseId === enterprise.id),
    inspections,
  );
  const openMajor = own.filter(({ finding }) => isListedForSupervision(finding)).length;
  const overdueMajor = own.filter(
    ({ finding }) => finding.grade === 'major' && isOverdue(finding, today),
  ).length;

  const windowFrom = addMonths(today, -policy.rectification.windowMonths);
  const inWindow = own.filter((r) => r.foundOn >= windowFrom);
  const record = rectificationTotal(
    inWindow.map((r) => r.finding),
    inWindow.map((r) => r.inspection),
    today,
  );
  const onTimeShare = record.due === 0 ? null : record.closedOnTime / record.due;
  const overdueMilestones = enterprise.trackMilestones.filter(
    (m) => milestoneState(m, today) === 'overdue',
  ).length;

  const factors: RiskFactor[] = [
    {
      code: 'majorHazardSource',
      level: source.level,
      // The R of the most severe unit (the largest, where several share its level).
      R: source.isMajor
        ? Math.max(...source.mostSevereUnits.map((i) => source.units[i]?.R ?? 0))
        : null,
      points: source.level === null ? 0 : policy.majorHazardLevelPoints[source.level],
      floor: source.isMajor ? policy.floors.majorHazardSource : null,
    },
    {
      code: 'openMajorHazards',
      count: openMajor,
      points: capped(openMajor, policy.openMajorHazard),
      floor: null,
    },
    {
      code: 'overdueMajorHazards',
      count: overdueMajor,
      points: capped(overdueMajor, policy.overdueMajorHazard),
      floor: overdueMajor > 0 ? policy.floors.overdueMajorHazard : null,
    },
    {
      code: 'rectificationRecord',
      due: record.due,
      closedOnTime: record.closedOnTime,
      onTimeShare,
      windowFrom,
      points: rectificationPoints(onTimeShare, policy),
      floor: null,
    },
    {
      code: 'overdueMilestones',
      count: overdueMilestones,
      points: overdueMilestones > 0 ? policy.overdueMilestones : 0,
      floor: null,
    },
    {
      code: 'shutdownTrack',
      track: enterprise.track,
      points: enterprise.track === 'shutdown' ? policy.shutdownTrack : 0,
      floor: null,
    },
  ];

  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const scoreClass = classForScore(score, policy);
  const riskClass = factors.reduce<RiskClass>(
    (c, f) => (f.floor === null ? c : moreSevere(c, f.floor)),
    scoreClass,
  );
  return { enterpriseId: enterprise.id, asOf: today, factors, score, scoreClass, riskClass };
}
