import { useLiveQuery } from 'dexie-react-hooks';
import { dashboardFigures } from '../../../../domain/rules/statistics';
import type { DashboardFigures } from '../../../../domain/rules/statistics';
import { useProfile } from '../../session/session-context';
import { loadDashboardData } from '../../db/repositories/statistics';

export interface DashboardView {
  figures: DashboardFigures;
  enterpriseNames: Map<string, string>;
  agencyNames: Map<string, string>;
  /** Nothing synced yet: no enterprise on this device. */
  empty: boolean;
}

/** The dashboard's figures on `today` over this device's records (undefined while loading). */
export function useDashboardFigures(today: string): DashboardView | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const data = await loadDashboardData(db);
    return {
      figures: dashboardFigures(data, today),
      enterpriseNames: data.enterpriseNames,
      agencyNames: data.agencyNames,
      empty: !data.enterprises.some((e) => e.deletedAt === null),
    };
  }, [db, today]);
}
