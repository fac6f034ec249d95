// The fixed-frequency key inspections of a plan year as visits in months: which major hazard
// source is owed a visit in which month, spread exactly as the approved monthly breakdown counts
// them (rules/plan-breakdown.ts), and which of an agency's key tasks an approved version writes,
// keeps or replaces.
import type { Plan } from '../schemas/plan';
import type { Task } from '../schemas/task';
import type { TargetEntry } from '../schemas/risk';
import { addDays, addMonths } from './calendar-date';
import type { MajorHazardLevel } from './gb18218';
import { keyInspectionTargets, spreadEvenly } from './plan-breakdown';

export interface KeyVisit {
  enterpriseId: string;
  level: MajorHazardLevel;
  /** YYYY-MM: the visit is made in this month. */
  month: string;
}

const LEVELS: readonly MajorHazardLevel[] = [1, 2, 3, 4];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The year's key visits. A source of a level inspected N times a year is visited once in each of
 * the N slices of the year that monthlyBreakdown uses (slice i is months ⌊12i/N⌋ to
 * ⌊12(i+1)/N⌋ − 1); within a slice the level's sources, by enterprise id, fill its months in
 * order, as many to each month as spreadEvenly gives it. So the visits of each month and level
 * are the breakdown's count, and a source is never visited twice in one slice.
 */
export function keyInspectionSchedule(
  plan: Pick<Plan, 'year' | 'keyInspectionsPerYear'>,
  targets: readonly Pick<TargetEntry, 'enterpriseId' | 'majorHazardLevel'>[],
): KeyVisit[] {
  const owed = keyInspectionTargets(plan, targets);
  const visits: KeyVisit[] = [];
  for (const level of LEVELS) {
    const sources = owed.filter((o) => o.level === level);
    const perYear = plan.keyInspectionsPerYear[level];
    for (let i = 0; i < perYear; i++) {
      const first = Math.floor((12 * i) / perYear);
      const last = Math.floor((12 * (i + 1)) / perYear);
      let next = 0;
      spreadEvenly(sources.length, last - first).forEach((n, k) => {
        const month = `${String(plan.year).padStart(4, '0')}-${pad(first + k + 1)}`;
        for (const source of sources.slice(next, next + n)) {
          visits.push({ enterpriseId: source.enterpriseId, level, month });
        }
        next += n;
      });
    }
  }
  return visits;
}

/** The first and last day of a visit's month, both included. */
export function keyVisitDays(month: string): { dueFrom: string; dueBy: string } {
  const dueFrom = `${month}-01`;
  return { dueFrom, dueBy: addDays(addMonths(dueFrom, 1), -1) };
}

export interface KeyTaskChanges {
  /** Live key tasks to delete: not yet begun, replaced by the approved version's. */
  removed: Task[];
  /** The approved version's visits to write as tasks. */
  added: KeyVisit[];
}

/**
 * What approving a version does to the agency's key tasks of its year, on `today` (China date).
 * A month already begun keeps the tasks of the version in force when it began: an officer may
 * have made the visit, offline, from one of them. The months not yet begun get the new version's
 * visits in place of the earlier ones. The first approved version has nothing to keep, so it
 * writes the whole year (a plan approved late shows its past months' visits overdue).
 */
export function keyTaskChanges(
  visits: readonly KeyVisit[],
  liveKeyTasks: readonly Task[],
  today: string,
  firstVersion: boolean,
): KeyTaskChanges {
  if (firstVersion) return { removed: [], added: [...visits] };
  return {
    removed: liveKeyTasks.filter((t) => t.dueFrom > today),
    added: visits.filter((v) => keyVisitDays(v.month).dueFrom > today),
  };
}
