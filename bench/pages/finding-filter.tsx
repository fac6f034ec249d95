// The hazard-list filter (status, grade, town, text) as the benchmark runs it, twice: through the
// query the Findings screen runs (queryFindings), and as a naive full scan (the anchor).
import type { Finding, FindingStatus, Grade } from '../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { queryFindings } from '../../renderer/src/features/findings/finding-filters';

/** The benchmark's fixed "today", as in fi-local.tsx, so overdue does not follow the clock. */
const BENCH_TODAY = '2026-11-29';

export interface FindingFilter {
  status: FindingStatus | null;
  grade: Grade | null;
  town: string | null;
  text: string;
}

function matches(
  finding: Finding,
  enterprise: { name: string; town: string } | undefined,
  filter: FindingFilter,
): boolean {
  if (filter.status !== null && finding.status !== filter.status) return false;
  if (filter.grade !== null && finding.grade !== filter.grade) return false;
  if (filter.town !== null && enterprise?.town !== filter.town) return false;
  if (filter.text === '') return true;
  const text = filter.text.toLowerCase();
  return (
    finding.title.toLowerCase().includes(text) ||
    finding.description.toLowerCase().includes(text) ||
    (enterprise?.name.toLowerCase().includes(text) ?? false)
  );
}

/**
 * The Findings screen's own query: the filter runs over the in-memory finding index (built once per
 * database, rebuilt only after a change) and the first page of 50 rows is read with bulkGet. The
 * screen's `open` excludes overdue hazards; every generated deadline is after BENCH_TODAY, so
 * none is overdue and the count equals the anchor's.
 */
export async function appFilter(db: FieldInspectorDb, filter: FindingFilter): Promise<number> {
  const result = await queryFindings(db, filter, BENCH_TODAY, { offset: 0, limit: 50 });
  return result.total;
}

/** The anchor: read both tables whole and filter in JavaScript. */
export async function naiveFilter(db: FieldInspectorDb, filter: FindingFilter): Promise<number> {
  const [findings, enterprises] = await Promise.all([
    db.findings.toArray(),
    db.enterprises.toArray(),
  ]);
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  return findings.filter(
    (f) => f.deletedAt === null && matches(f, byId.get(f.enterpriseId), filter),
  ).length;
}
