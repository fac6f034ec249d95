// Reads for the dashboard and the track work list: the synced records their figures are computed
// from, and the names that label them. Nothing here writes; the figures come from domain/rules.
import type { DashboardRecords } from '../../../../domain/rules/statistics';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { FieldInspectorDb } from '../database';
import { listWorkingEnterprises } from './enterprises';

export interface DashboardData extends DashboardRecords {
  enterpriseNames: Map<string, string>;
  agencyNames: Map<string, string>;
}

/** Every enterprise, inspection and finding on this device (the statistics skip deleted ones). */
export async function loadDashboardData(db: FieldInspectorDb): Promise<DashboardData> {
  return db.transaction(
    'r',
    [db.enterprises, db.inspections, db.findings, db.agencies],
    async () => {
      const [enterprises, inspections, findings, agencies] = await Promise.all([
        db.enterprises.toArray(),
        db.inspections.toArray(),
        db.findings.toArray(),
        db.agencies.toArray(),
      ]);
      return {
        enterprises,
        inspections,
        findings,
        enterpriseNames: new Map(enterprises.map((e) => [e.id, e.name])),
        agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
      };
    },
  );
}

/** The enterprises of the work list: every one still worked on (live, not closed), by name. */
export function listWorkListEnterprises(db: FieldInspectorDb): Promise<Enterprise[]> {
  return listWorkingEnterprises(db);
}
