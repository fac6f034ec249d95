// Inspection statistics for the dashboard: visits per month, and the inspection burden on each
// enterprise with a warning where it is visited far more than the others.
import type { Inspection } from '../schemas/inspection';
import { inspectionKinds } from '../schemas/inspection';
import { addDays, addMonths, chinaDateOf, monthOf } from './calendar-date';
import type { EnterpriseForStats, InspectionForStats } from './statistics-findings';

type InspectionKind = Inspection['kind'];

/** Submitted, not deleted inspections with the China date of their start. */
function visits(inspections: readonly InspectionForStats[]) {
  return inspections
    .filter((i) => i.deletedAt === null && i.status === 'submitted')
    .map((inspection) => ({ inspection, on: chinaDateOf(inspection.startedAt) }));
}

export interface InspectionMonth {
  month: string;
  total: number;
  byKind: Record<InspectionKind, number>;
}

/**
 * Submitted inspections started in each of `months` (YYYY-MM, China time), by kind; every month
 * asked for is present. Drafts are not counted: until submitted, a visit is not on record.
 */
export function inspectionsByMonth(
  inspections: readonly InspectionForStats[],
  months: readonly string[],
): InspectionMonth[] {
  const rows = new Map(
    months.map((month) => [
      month,
      {
        month,
        total: 0,
        byKind: Object.fromEntries(inspectionKinds.map((k) => [k, 0])) as Record<
          InspectionKind,
          number
        >,
      },
    ]),
  );
  for (const { inspection, on } of visits(inspections)) {
    const row = rows.get(monthOf(on));
    if (!row) continue;
    row.total++;
    row.byKind[inspection.kind]++;
  }
  return [...rows.values()];
}

/**
 * When an enterprise counts as over-inspected (the thresholds are policy, so they are data):
 * - more visits than `sdFactor` standard deviations above the district's mean, and at least
 *   `minVisits` (a quarterly routine visit plus nothing else is never "too many", however
 *   quiet the rest of the district is);
 * - or a month in which `agenciesInMonth` or more agencies came in separate visits that one
 *   joint inspection could have combined.
 */
export const BURDEN_THRESHOLDS = { sdFactor: 2, minVisits: 4, agenciesInMonth: 2 } as const;
export type BurdenThresholds = { sdFactor: number; minVisits: number; agenciesInMonth: number };

export type BurdenReason = 'burden.manyVisits' | 'burden.separateAgencyVisits';
export type BurdenSuggestion = 'burden.combineIntoJointInspection' | 'burden.reviewFrequency';

export interface EnterpriseBurden {
  enterpriseId: string;
  /** Inspections of every kind and agency in the window; a joint inspection is one visit. */
  visits: number;
  /** Distinct agencies that took part in those visits. */
  agencies: number;
  /** Months (YYYY-MM) with separate visits by several agencies. */
  separateVisitMonths: string[];
  overInspected: boolean;
  reasons: BurdenReason[];
  /**
   * Combine into one joint inspection when several agencies share the burden; otherwise the
   * one agency should review how often it comes.
   */
  suggestion: BurdenSuggestion | null;
}

export interface BurdenReport {
  /** The window: the twelve months ending today, both ends included (China dates). */
  from: string;
  to: string;
  /** Mean and population standard deviation of visits over every enterprise listed. */
  mean: number;
  sd: number;
  /** Visits above this (and at least `minVisits`) are "many". */
  visitThreshold: number;
  /** Most visited first, then by id. */
  enterprises: EnterpriseBurden[];
}

/** Months in which separate, combinable visits brought several agencies to one enterprise. */
function separateVisitMonths(
  inspections: readonly InspectionForStats[],
  agenciesInMonth: number,
): string[] {
  const byMonth = new Map<string, InspectionForStats[]>();
  for (const { inspection, on } of visits(inspections)) {
    // A re-inspection verifies one hazard on its own deadline: it cannot wait to be combined.
    if (inspection.kind === 'reinspection') continue;
    const month = monthOf(on);
    const list = byMonth.get(month);
    if (list) list.push(inspection);
    else byMonth.set(month, [inspection]);
  }
  return [...byMonth.entries()]
    .filter(([, list]) => {
      const agencies = new Set(list.flatMap((i) => i.agencyIds));
      return list.length >= 2 && agencies.size >= agenciesInMonth;
    })
    .map(([month]) => month)
    .sort();
}

/**
 * The inspection burden of every (not deleted) enterprise over the twelve months ending
 * `today`, with the over-inspected warning and its suggestion.
 */
export function inspectionBurden(
  inspections: readonly InspectionForStats[],
  enterprises: readonly EnterpriseForStats[],
  today: string,
  thresholds: BurdenThresholds = BURDEN_THRESHOLDS,
): BurdenReport {
  const from = addDays(addMonths(today, -12), 1);
  const inWindow = new Map<string, InspectionForStats[]>();
  for (const { inspection, on } of visits(inspections)) {
    if (on < from || on > today) continue;
    const list = inWindow.get(inspection.enterpriseId);
    if (list) list.push(inspection);
    else inWindow.set(inspection.enterpriseId, [inspection]);
  }
  const listed = enterprises.filter((e) => e.deletedAt === null);
  const counts = listed.map((e) => inWindow.get(e.id)?.length ?? 0);
  const mean = counts.length === 0 ? 0 : counts.reduce((a, b) => a + b, 0) / counts.length;
  const sd =
    counts.length === 0
      ? 0
      : Math.sqrt(counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length);
  const visitThreshold = mean + thresholds.sdFactor * sd;

  const rows = listed.map((enterprise): EnterpriseBurden => {
    const list = inWindow.get(enterprise.id) ?? [];
    const agencies = new Set(list.flatMap((i) => i.agencyIds)).size;
    const months = separateVisitMonths(list, thresholds.agenciesInMonth);
    const reasons: BurdenReason[] = [];
    if (list.length > visitThreshold && list.length >= thresholds.minVisits) {
      reasons.push('burden.manyVisits');
    }
    if (months.length > 0) reasons.push('burden.separateAgencyVisits');
    const overInspected = reasons.length > 0;
    return {
      enterpriseId: enterprise.id,
      visits: list.length,
      agencies,
      separateVisitMonths: months,
      overInspected,
      reasons,
      suggestion: !overInspected
        ? null
        : agencies >= 2
          ? 'burden.combineIntoJointInspection'
          : 'burden.reviewFrequency',
    };
  });
  rows.sort((a, b) =>
    b.visits !== a.visits
      ? b.visits - a.visits
      : a.enterpriseId < b.enterpriseId
        ? -1
        : a.enterpriseId > b.enterpriseId
          ? 1
          : 0,
  );
  return { from, to: today, mean, sd, visitThreshold, enterprises: rows };
}
