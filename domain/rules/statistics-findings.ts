// Finding (隐患) statistics for the dashboard: counts by category and grade per month, and the
// rectification and on-time rates by agency and by town. Pure functions over synced records.
import type { Enterprise } from '../schemas/enterprise';
import type { Finding, FindingCategory, Grade } from '../schemas/finding';
import { findingCategories } from '../schemas/finding';
import type { Inspection } from '../schemas/inspection';
import { chinaDateOf } from './calendar-date';
import { isOverdue } from './deadlines';

export type FindingForStats = Pick<
  Finding,
  | 'id'
  | 'inspectionId'
  | 'enterpriseId'
  | 'category'
  | 'grade'
  | 'status'
  | 'deadline'
  | 'verification'
  | 'deletedAt'
>;
export type InspectionForStats = Pick<
  Inspection,
  'id' | 'enterpriseId' | 'kind' | 'agencyIds' | 'startedAt' | 'status' | 'deletedAt'
>;
export type EnterpriseForStats = Pick<Enterprise, 'id' | 'town' | 'deletedAt'>;

export interface RecordedFinding {
  finding: FindingForStats;
  inspection: InspectionForStats;
  /** The China calendar date the hazard was found: its inspection's start. */
  foundOn: string;
}

/**
 * The hazards the statistics count: not deleted, found by an inspection that is not deleted and
 * has been submitted. A draft's hazards are still the inspector's working notes (they may delete
 * them before submitting), so they appear on no dashboard.
 */
export function recordedFindings(
  findings: readonly FindingForStats[],
  inspections: readonly InspectionForStats[],
): RecordedFinding[] {
  // The found date is worked out once per inspection, not once per hazard.
  const submitted = new Map(
    inspections
      .filter((i) => i.deletedAt === null && i.status === 'submitted')
      .map((i) => [i.id, { inspection: i, foundOn: chinaDateOf(i.startedAt) }]),
  );
  const out: RecordedFinding[] = [];
  for (const finding of findings) {
    const found = submitted.get(finding.inspectionId);
    if (finding.deletedAt === null && found) out.push({ finding, ...found });
  }
  return out;
}

export type GradeCounts = Record<Grade, number>;

export interface FindingMonth {
  month: string;
  total: number;
  byGrade: GradeCounts;
  byCategory: Record<FindingCategory, GradeCounts>;
}

function emptyMonth(month: string): FindingMonth {
  const byCategory = Object.fromEntries(
    findingCategories.map((c) => [c, { general: 0, major: 0 }]),
  ) as Record<FindingCategory, GradeCounts>;
  return { month, total: 0, byGrade: { general: 0, major: 0 }, byCategory };
}

/**
 * Hazards found in each of `months` (YYYY-MM, China time), by category and grade. Every month
 * asked for is present, with zeros where nothing was found, so a chart's axis has no gaps;
 * hazards found outside those months are not counted.
 */
export function hazardCountsByMonth(
  findings: readonly FindingForStats[],
  inspections: readonly InspectionForStats[],
  months: readonly string[],
): FindingMonth[] {
  const rows = new Map(months.map((m) => [m, emptyMonth(m)]));
  for (const { finding, foundOn } of recordedFindings(findings, inspections)) {
    // `foundOn` comes from chinaDateOf, always YYYY-MM-DD: its month is its first seven characters.
    const row = rows.get(foundOn.slice(0, 7));
    if (!row) continue;
    row.total++;
    row.byGrade[finding.grade]++;
    row.byCategory[finding.category][finding.grade]++;
  }
  return [...rows.values()];
}

/**
 * Rectification figures of one group (an agency or a town).
 *
 * - `due`: hazards that should be rectified by now: closed ones, and any whose deadline has
 *   passed (deadline < today; the deadline day still belongs to the enterprise).
 * - `rectificationRate` = closed / due, or null when nothing is due. Only closed counts as
 *   rectified: `rectified` is the enterprise's own report, not yet verified by re-inspection.
 * - `onTimeRate` = closedOnTime / closed, or null when nothing is closed, where a hazard is
 *   closed on time when its verification's date (China time) is on or before its deadline. The
 *   deadline is the current one: a hazard that failed a re-inspection was given a new deadline,
 *   and is measured against it. A closed hazard without a verification counts as not on time,
 *   since nothing shows when it was put right.
 * - `overdue`: open hazards past their deadline today.
 */
export interface RectificationRow {
  key: string;
  findings: number;
  due: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
  rectificationRate: number | null;
  onTimeRate: number | null;
}

function isClosedOnTime(finding: FindingForStats): boolean {
  return (
    finding.status === 'closed' &&
    finding.verification !== null &&
    chinaDateOf(finding.verification.verifiedAt) <= finding.deadline
  );
}

function rectificationRow(
  key: string,
  findings: readonly FindingForStats[],
  today: string,
): RectificationRow {
  const closed = findings.filter((f) => f.status === 'closed').length;
  const due = findings.filter((f) => f.status === 'closed' || f.deadline < today).length;
  const closedOnTime = findings.filter(isClosedOnTime).length;
  return {
    key,
    findings: findings.length,
    due,
    closed,
    closedOnTime,
    overdue: findings.filter((f) => isOverdue(f, today)).length,
    rectificationRate: due === 0 ? null : closed / due,
    onTimeRate: closed === 0 ? null : closedOnTime / closed,
  };
}

function rowsByKey(groups: Map<string, FindingForStats[]>, today: string): RectificationRow[] {
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => rectificationRow(key, list, today));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Rectification figures per agency, sorted by agency id. A hazard found by a joint inspection
 * counts for every agency that took part, so the rows may add up to more than the district.
 */
export function rectificationByAgency(
  findings: readonly FindingForStats[],
  inspections: readonly InspectionForStats[],
  today: string,
): RectificationRow[] {
  const groups = new Map<string, FindingForStats[]>();
  for (const { finding, inspection } of recordedFindings(findings, inspections)) {
    for (const agencyId of new Set(inspection.agencyIds)) push(groups, agencyId, finding);
  }
  return rowsByKey(groups, today);
}

/** Rectification figures per town of the enterprise, sorted by town code. */
export function rectificationByTown(
  findings: readonly FindingForStats[],
  inspections: readonly InspectionForStats[],
  enterprises: readonly EnterpriseForStats[],
  today: string,
): RectificationRow[] {
  const townOf = new Map(
    enterprises.filter((e) => e.deletedAt === null).map((e) => [e.id, e.town]),
  );
  const groups = new Map<string, FindingForStats[]>();
  for (const { finding } of recordedFindings(findings, inspections)) {
    const town = townOf.get(finding.enterpriseId);
    if (town !== undefined) push(groups, town, finding);
  }
  return rowsByKey(groups, today);
}

/** The same figures for the whole district (every recorded hazard once). */
export function rectificationTotal(
  findings: readonly FindingForStats[],
  inspections: readonly InspectionForStats[],
  today: string,
): RectificationRow {
  const list = recordedFindings(findings, inspections).map((r) => r.finding);
  return rectificationRow('district', list, today);
}
