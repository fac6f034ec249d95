import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import { useProfile } from '../../session/session-context';
import { queryFindings } from './finding-filters';
import type { FindingFilters, FindingQueryResult } from './finding-filters';
import { onFindingIndexStale } from './finding-index';

/**
 * The findings matching `filters`: their count and the page at `offset` (undefined while the
 * first answer loads). It runs again when the index goes stale (a finding or enterprise changed)
 * and, through the live query, when a row on the page changes.
 */
export function useFindingsQuery(
  filters: FindingFilters,
  offset: number,
  limit: number,
): FindingQueryResult | undefined {
  const { db } = useProfile();
  const [generation, setGeneration] = useState(0);
  useEffect(() => onFindingIndexStale(db, () => setGeneration((g) => g + 1)), [db]);
  // Deadlines are dates of the district's calendar, whatever the device's time zone.
  const today = todayInChina(new Date());
  const { status, grade, town, text } = filters;
  return useLiveQuery(
    () => queryFindings(db, { status, grade, town, text }, today, { offset, limit }),
    [db, status, grade, town, text, today, offset, limit, generation],
  );
}
