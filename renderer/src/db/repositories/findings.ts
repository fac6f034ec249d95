// Reads of findings (hazards) for the lists; writes arrive through synced-records.ts.
import type { Finding } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../database';
import { enterpriseNames } from './enterprises';

export interface FindingRow {
  finding: Finding;
  enterpriseName: string | null;
}

/** Every live finding, earliest deadline first. */
export async function listFindings(db: FieldInspectorDb): Promise<FindingRow[]> {
  const [all, names] = await Promise.all([
    db.findings.orderBy('deadline').toArray(),
    enterpriseNames(db),
  ]);
  return all
    .filter((f) => f.deletedAt === null)
    .map((finding) => ({ finding, enterpriseName: names.get(finding.enterpriseId) ?? null }));
}
