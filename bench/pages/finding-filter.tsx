// The hazard-list filter (status, grade, town, text) as the benchmark runs it, twice: through the
// app's repository read that the Findings screen uses, and as a naive full scan (the anchor).
import type { Finding, FindingStatus, Grade } from '../../domain/schemas/finding';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { listEnterprises } from '../../renderer/src/db/repositories/enterprises';
import { listFindings } from '../../renderer/src/db/repositories/findings';

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
 * The Findings screen reads its rows with listFindings (every live hazard, by deadline, with its
 * enterprise's name) and has no filter query of its own yet: the filter is applied to those rows
 * here, with the enterprises' towns read through the enterprise repository.
 */
export async function appFilter(db: FieldInspectorDb, filter: FindingFilter): Promise<number> {
  const [rows, enterprises] = await Promise.all([listFindings(db), listEnterprises(db)]);
  const byId = new Map(enterprises.map((e) => [e.id, e]));
  return rows.filter((row) => matches(row.finding, byId.get(row.finding.enterpriseId), filter))
    .length;
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
