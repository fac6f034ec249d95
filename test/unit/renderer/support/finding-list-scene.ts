// The findings list's scene for its filter and index tests: two enterprises in two towns, queried
// as the list queries them on one day.
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import {
  noFindingFilters,
  queryFindings,
} from '../../../../renderer/src/features/findings/finding-filters';
import type { FindingFilters } from '../../../../renderer/src/features/findings/finding-filters';
import { makeEnterprise } from '../../../support/record-fixtures';

export const TODAY = '2030-06-10';
export const BAIGUAN = '330604001';
export const ZONE = '330604400';

/** Stores Mingda Dyes (in Baiguan) and Shangyu Coatings (in the zone). */
export async function putTwoEnterprises(db: FieldInspectorDb) {
  const dyes = makeEnterprise({ name: 'Mingda Dyes', town: BAIGUAN });
  const coat = makeEnterprise({ name: 'Shangyu Coatings', town: ZONE });
  await db.enterprises.bulkPut([dyes, coat]);
  return { dyes, coat };
}

/** The list's query on TODAY with `filters` set and the rest left open. */
export function queryFindingList(
  db: FieldInspectorDb,
  filters: Partial<FindingFilters>,
  page: { offset: number; limit: number },
) {
  return queryFindings(db, { ...noFindingFilters, ...filters }, TODAY, page);
}
