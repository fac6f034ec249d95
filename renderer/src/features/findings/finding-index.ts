// The compact in-memory index of a database's findings that the hazard list filters (columns in
// finding-index-columns.ts): for each live finding its id, status, deadline, grade, enterprise,
// town and lower-cased search text, earliest deadline first, with the enterprises' names.
//
// Why in memory rather than IndexedDB indexes per query: a filter combines status (with `overdue`
// derived from today's date), grade, town (a field of the enterprise, not of the finding) and a
// substring search over three texts. No IndexedDB index answers a substring search, and even a
// status index narrows 100,000 hazards only to tens of thousands of full records, which is far
// slower to read per keystroke than scanning compact columns in memory. So the whole table is read
// once per database, the columns are kept, and only the visible page is read back (bulkGet).
//
// Freshness: Dexie's global `storagemutated` event (also raised for other tabs' writes) names the
// primary keys of the findings and enterprises each committed transaction wrote: a form's save, a
// pulled page of 500, a tombstone, a settled push. Those keys are collected, and the next query
// reads just those records back and merges them into a new index (finding-index-columns.ts), a few
// milliseconds instead of a full read of seconds. Only a change that names no keys (a cleared
// table, a range delete, a new database) or that touches a large share of the table makes the
// next query read everything again. Updates are lazy, so a burst of writes costs one update when
// the list is next read, and nothing is done while no list is looking.
import type { FieldInspectorDb } from '../../db/database';
import { readFindingIndexChanges, readFindingIndexSource } from '../../db/observe/index-reads';
import { keptView } from '../../db/observe/kept-view';
import { applyFindingChanges, indexFindings } from './finding-index-columns';
import type { FindingIndex } from './finding-index-columns';

export { applyFindingChanges, indexFindings, SEPARATOR } from './finding-index-columns';
export type { FindingIndex, FindingIndexChanges } from './finding-index-columns';

/** Every live finding and every enterprise of `db`, read whole: the index made from scratch. */
export async function buildFindingIndex(db: FieldInspectorDb): Promise<FindingIndex> {
  const [findings, enterprises] = await readFindingIndexSource(db);
  return indexFindings(findings, enterprises, true);
}

/** Reads back the records named in `keys` and merges them into `old`. */
async function updateIndex(
  db: FieldInspectorDb,
  old: FindingIndex,
  keys: Record<'findings' | 'enterprises', Set<string>>,
): Promise<FindingIndex> {
  const findingIds = [...keys.findings];
  const enterpriseIds = [...keys.enterprises];
  const [findings, enterprises] = await readFindingIndexChanges(db, findingIds, enterpriseIds);
  return applyFindingChanges(old, {
    findings: new Map(findingIds.map((id, i) => [id, findings[i]])),
    enterprises: new Map(enterpriseIds.map((id, i) => [id, enterprises[i]])),
  });
}

const kept = keptView<FindingIndex, 'findings' | 'enterprises'>({
  tables: ['findings', 'enterprises'],
  main: 'findings',
  build: buildFindingIndex,
  update: updateIndex,
  size: (index) => index.ids.length,
});

/**
 * The index of `db`'s findings: read whole on first use, then kept up to date with the findings
 * and enterprises written since (only those are read back). Every call made after a write has
 * committed answers with that write applied.
 */
export function findingIndex(db: FieldInspectorDb): Promise<FindingIndex> {
  return kept.read(db);
}

/** Calls `listener` whenever findings or enterprises of `db` change (the index then needs an update). */
export function onFindingIndexStale(db: FieldInspectorDb, listener: () => void): () => void {
  return kept.onStale(db, listener);
}
