import { useCallback } from 'react';
import { todayInChina } from '../../../../domain/rules/calendar-date';
import type { Finding } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { queryFindings } from '../findings/finding-filters';
import type { FindingFilters } from '../findings/finding-filters';

/**
 * Every hazard matching the Findings screen's filters, in the screen's order, read when the
 * export starts (not only the page on screen).
 */
export function useFindingExportSource(filters: FindingFilters): () => Promise<Finding[]> {
  const { db } = useProfile();
  const { status, grade, town, text } = filters;
  return useCallback(async () => {
    const today = todayInChina(new Date());
    const all = { offset: 0, limit: Number.MAX_SAFE_INTEGER };
    const result = await queryFindings(db, { status, grade, town, text }, today, all);
    return result.rows.map((r) => r.finding);
  }, [db, status, grade, town, text]);
}
