// The enterprise directory's filters: town, track, major-hazard-source level and "has overdue
// hazards", applied together with the text search to rows that already carry their derived facts.
import type { MajorHazardLevel } from '../../../../domain/rules/gb18218';
import type { Enterprise, Track } from '../../../../domain/schemas/enterprise';
import { matchesEnterprise } from './enterprise-search';

/** An enterprise with what the directory derives for it. */
export interface EnterpriseSummary {
  enterprise: Enterprise;
  /** GB 18218-2018 level, or null when not a major hazard source. */
  level: MajorHazardLevel | null;
  overdueCount: number;
}

/** `none`: not a major hazard source. */
export type LevelFilter = MajorHazardLevel | 'none';

export interface EnterpriseFilters {
  town: string | null;
  track: Track | null;
  level: LevelFilter | null;
  overdueOnly: boolean;
}

export const noFilters: EnterpriseFilters = {
  town: null,
  track: null,
  level: null,
  overdueOnly: false,
};

export function matchesFilters(row: EnterpriseSummary, filters: EnterpriseFilters): boolean {
  const { enterprise } = row;
  if (filters.town !== null && enterprise.town !== filters.town) return false;
  if (filters.track !== null && enterprise.track !== filters.track) return false;
  if (filters.level !== null && (row.level ?? 'none') !== filters.level) return false;
  if (filters.overdueOnly && row.overdueCount === 0) return false;
  return true;
}

export function filterSummaries(
  rows: readonly EnterpriseSummary[],
  query: string,
  filters: EnterpriseFilters,
): EnterpriseSummary[] {
  return rows.filter((r) => matchesFilters(r, filters) && matchesEnterprise(r.enterprise, query));
}
