// The hazard list's filter (status as a person sees it, grade, town, free text) and the query the
// Findings screen and the benchmark both run: match in the in-memory index (finding-index.ts),
// then read only the requested page of full records from IndexedDB.
import { effectiveStatus } from '../../../../domain/rules/deadlines';
import type { EffectiveStatus } from '../../../../domain/rules/deadlines';
import type { Grade } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../db/database';
import { getFindingsByIds } from '../../db/repositories/findings';
import type { FindingRow } from '../../db/repositories/findings';
import { findingIndex, SEPARATOR } from './finding-index';
import type { FindingIndex } from './finding-index';

export interface FindingFilters {
  /** Effective status: `open` means open and not yet past its deadline. */
  status: EffectiveStatus | null;
  grade: Grade | null;
  town: string | null;
  text: string;
}

export const noFindingFilters: FindingFilters = { status: null, grade: null, town: null, text: '' };

export interface FindingPageRequest {
  offset: number;
  limit: number;
}

export interface FindingQueryResult {
  /** How many live findings match. */
  total: number;
  /** The requested page of the matches, earliest deadline first. */
  rows: FindingRow[];
}

/** Marks the findings whose text contains `text` (already lower-cased, not empty). */
function textHits(index: FindingIndex, text: string): Uint8Array {
  const hits = new Uint8Array(index.ids.length);
  let base = 0;
  for (const chunk of index.textChunks) {
    const { text: haystack, starts } = chunk;
    let i = 0;
    let at = haystack.indexOf(text);
    while (at !== -1) {
      // Matches come in increasing order, so the finding holding one is found by walking forward.
      while ((starts[i + 1] ?? Infinity) <= at) i++;
      hits[base + i] = 1;
      at = haystack.indexOf(text, starts[i + 1] ?? haystack.length);
    }
    base += starts.length - 1;
  }
  return hits;
}

/** Positions in `index` of the findings matching `filters` on `today`, in index order. */
export function matchFindings(
  index: FindingIndex,
  filters: FindingFilters,
  today: string,
): number[] {
  const text = filters.text.trim().toLowerCase();
  // A query holding the separator would match across two findings' texts.
  if (text.includes(SEPARATOR)) return [];
  const hits = text === '' ? null : textHits(index, text);
  const { status, grade, town } = filters;
  const matches: number[] = [];
  for (let i = 0; i < index.ids.length; i++) {
    if (hits && hits[i] === 0) continue;
    if (grade !== null && index.grades[i] !== grade) continue;
    if (town !== null && index.towns[i] !== town) continue;
    if (status !== null) {
      const stored = { status: index.statuses[i]!, deadline: index.deadlines[i]! };
      if (effectiveStatus(stored, today) !== status) continue;
    }
    matches.push(i);
  }
  return matches;
}

/** The findings matching `filters` on `today`: their count and one page of rows. */
export async function queryFindings(
  db: FieldInspectorDb,
  filters: FindingFilters,
  today: string,
  page: FindingPageRequest,
): Promise<FindingQueryResult> {
  const index = await findingIndex(db);
  const matches = matchFindings(index, filters, today);
  const ids = matches.slice(page.offset, page.offset + page.limit).map((i) => index.ids[i]!);
  const findings = await getFindingsByIds(db, ids);
  return {
    total: matches.length,
    rows: findings.map((finding) => ({
      finding,
      enterpriseName: index.enterpriseNames.get(finding.enterpriseId) ?? null,
    })),
  };
}
