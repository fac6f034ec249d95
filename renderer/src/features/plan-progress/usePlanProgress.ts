import { useLiveQuery } from 'dexie-react-hooks';
import { planProgress } from '../../../../domain/rules/plan-progress';
import type { PlanProgress } from '../../../../domain/rules/plan-progress';
import { useProfile } from '../../session/session-context';
import { loadProgressData } from '../../db/repositories/tasks';

export interface PlanProgressView {
  /** The plan years of the tasks on this device, newest first. */
  years: number[];
  /** The year shown: the one asked for, else the newest with tasks, else today's. */
  year: number;
  progress: PlanProgress;
  agencyNames: Map<string, string>;
  userNames: Map<string, string>;
}

/** The plan's progress on `today` over this device's tasks (undefined while loading). */
export function usePlanProgress(today: string, year?: number): PlanProgressView | undefined {
  const { db } = useProfile();
  return useLiveQuery(async () => {
    const data = await loadProgressData(db);
    const years = [...new Set(data.tasks.map((t) => t.year))].sort((a, b) => b - a);
    const thisYear = Number(today.slice(0, 4));
    const shown = year ?? (years.includes(thisYear) ? thisYear : (years[0] ?? thisYear));
    return {
      years,
      year: shown,
      progress: planProgress(data.tasks, data.inspections, today, shown),
      agencyNames: data.agencyNames,
      userNames: data.userNames,
    };
  }, [db, today, year]);
}
