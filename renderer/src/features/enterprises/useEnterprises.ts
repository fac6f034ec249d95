import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { coversTown } from '../../../../domain/rules/jurisdiction';
import { useProfile } from '../../session/session-context';
import { listWorkingEnterprises } from '../../db/repositories/enterprises';
import { gb18218TableOf } from '../../db/repositories/gb18218-editions';
import { overdueCountsByEnterprise } from '../../db/repositories/findings';
import { filterSummaries, noFilters } from './enterprise-filters';
import type { EnterpriseFilters, EnterpriseSummary } from './enterprise-filters';
import { majorHazardLevelOf } from './major-hazard-level';

export interface EnterpriseMatches {
  /** undefined while the local database is being read. */
  matches: EnterpriseSummary[] | undefined;
  total: number;
}

/**
 * Every enterprise of the user's towns still worked on (not closed) with its hazard level and
 * overdue count, kept live as sync changes them. Enterprises on the device only because the user
 * took part in an inspection there are not the user's to work on (domain/rules/jurisdiction.ts).
 */
export function useEnterpriseSummaries(): EnterpriseSummary[] | undefined {
  const { db, session } = useProfile();
  const { user } = session;
  const data = useLiveQuery(async () => {
    // Deadlines are dates of the district's calendar, whatever the device's time zone.
    const today = todayInChina(new Date());
    const [enterprises, overdue, table] = await Promise.all([
      listWorkingEnterprises(db),
      overdueCountsByEnterprise(db, today),
      gb18218TableOf(db),
    ]);
    return { enterprises: enterprises.filter((e) => coversTown(user, e.town)), overdue, table };
  }, [db, user]);
  return useMemo(
    () =>
      data?.enterprises.map((enterprise) => ({
        enterprise,
        level: majorHazardLevelOf(enterprise, data.table),
        overdueCount: data.overdue.get(enterprise.id) ?? 0,
      })),
    [data],
  );
}

/** The enterprises on this device that match the query and filters. */
export function useEnterprises(
  query: string,
  filters: EnterpriseFilters = noFilters,
): EnterpriseMatches {
  const all = useEnterpriseSummaries();
  const matches = useMemo(
    () => (all ? filterSummaries(all, query, filters) : undefined),
    [all, query, filters],
  );
  return { matches, total: all?.length ?? 0 };
}
