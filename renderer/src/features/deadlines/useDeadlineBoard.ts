import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { DeadlineBoardFilter } from '../../../../domain/rules/deadline-board';
import { useProfile } from '../../session/session-context';
import { onBoardIndexStale, queryDeadlineBoard } from './board-index';
import type { DeadlineBoardPage } from './board-index';

/**
 * One page of the deadline board for `filter` (undefined while the first answer loads). It runs
 * again when the index goes stale and, through the live query, when a row on the page changes.
 */
export function useDeadlineBoard(
  filter: DeadlineBoardFilter,
  offset: number,
  limit: number,
): DeadlineBoardPage | undefined {
  const { db } = useProfile();
  const [generation, setGeneration] = useState(0);
  useEffect(() => onBoardIndexStale(db, () => setGeneration((g) => g + 1)), [db]);
  // Deadlines are dates of the district's calendar, whatever the device's time zone.
  const today = todayInChina(new Date());
  const { status, agencyId, town, enterpriseId, grade, category } = filter;
  return useLiveQuery(
    () =>
      queryDeadlineBoard(db, { status, agencyId, town, enterpriseId, grade, category }, today, {
        offset,
        limit,
      }),
    [db, status, agencyId, town, enterpriseId, grade, category, today, offset, limit, generation],
  );
}
