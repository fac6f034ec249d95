// What the target list screen shows of the server's answer: the rows a filter keeps, in the
// order a supervisor reads them (most severe class in force first, then by name), and whether a
// row's class is overridden.
import type { RiskClass } from '../../../../domain/schemas/risk';
import { riskRank } from '../../../../domain/schemas/risk';
import type { TargetRow } from '../../../../domain/schemas/target-list-api';

export interface TargetFilter {
  /** The class in force; null for every class. */
  riskClass: RiskClass | null;
  town: string | null;
  /** Only the rows whose class is a supervisor's override. */
  overriddenOnly: boolean;
}

export const noTargetFilter: TargetFilter = { riskClass: null, town: null, overriddenOnly: false };

export function filterTargets(rows: readonly TargetRow[], filter: TargetFilter): TargetRow[] {
  return rows
    .filter(
      (r) =>
        (filter.riskClass === null || r.riskClass === filter.riskClass) &&
        (filter.town === null || r.town === filter.town) &&
        (!filter.overriddenOnly || r.override !== null),
    )
    .sort(
      (a, b) =>
        riskRank(a.riskClass) - riskRank(b.riskClass) ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        (a.enterpriseId < b.enterpriseId ? -1 : 1),
    );
}

/** How many rows of each class in force, for the counts above the table. */
export function countByClass(rows: readonly TargetRow[]): Record<RiskClass, number> {
  const counts: Record<RiskClass, number> = { major: 0, considerable: 0, general: 0, low: 0 };
  for (const r of rows) counts[r.riskClass] += 1;
  return counts;
}

/** The towns of the rows, each once, for the town filter. */
export const townsOf = (rows: readonly TargetRow[]): string[] =>
  [...new Set(rows.map((r) => r.town))].sort();

/** The classes a supervisor may override to: any but the computed one. */
export const overrideChoices = (computed: RiskClass, all: readonly RiskClass[]): RiskClass[] =>
  all.filter((c) => c !== computed);

type Factor = TargetRow['factors'][number];

/** What a factor read, as an i18n key under lists.target.readings and its values. */
export function factorReading(f: Factor): { key: string; values: Record<string, string | number> } {
  switch (f.code) {
    case 'majorHazardSource':
      return f.level === null
        ? { key: 'notMajorSource', values: {} }
        : { key: 'majorSource', values: { level: f.level, R: (f.R ?? 0).toFixed(2) } };
    case 'openMajorHazards':
    case 'overdueMajorHazards':
      return { key: 'count', values: { count: f.count } };
    case 'rectificationRecord':
      return f.onTimeShare === null
        ? { key: 'nothingDue', values: { from: f.windowFrom } }
        : {
            key: 'onTime',
            values: {
              from: f.windowFrom,
              due: f.due,
              closed: f.closedOnTime,
              percent: Math.round(f.onTimeShare * 100),
            },
          };
    case 'overdueMilestones':
      return { key: 'milestones', values: { count: f.count } };
    case 'shutdownTrack':
      return { key: 'track', values: { track: f.track } };
  }
}
