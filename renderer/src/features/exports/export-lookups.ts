// Reads, for an export, the records its rows refer to: enterprises (name, credit code, town),
// people, agencies, towns, the hazards' inspections, and the inspections' hazard counts. One read per
// table, whatever the number of rows.
import type { Agency } from '../../../../domain/schemas/agency';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { Finding } from '../../../../domain/schemas/finding';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { TownRecord } from '../../../../domain/schemas/town';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../../db/database';
import { listAllAgencies } from '../../db/repositories/agencies';
import { listAllEnterprises } from '../../db/repositories/enterprises';
import { listFindingRecordsOfInspections } from '../../db/repositories/findings';
import { getInspectionRecords } from '../../db/repositories/inspections';
import { listUserDirectory } from '../../db/repositories/users';
import { townsByCode } from '../../db/repositories/towns';

export interface FindingCounts {
  total: number;
  major: number;
}

export interface ExportLookups {
  enterprises: ReadonlyMap<string, Enterprise>;
  users: ReadonlyMap<string, User>;
  agencies: ReadonlyMap<string, Agency>;
  /** The district's towns by code (their official names go into the sheets). */
  towns: ReadonlyMap<string, TownRecord>;
  inspections: ReadonlyMap<string, Inspection>;
  /** Live hazards of each inspection (only for an inspections export). */
  findingCounts: ReadonlyMap<string, FindingCounts>;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

async function common(db: FieldInspectorDb) {
  const [enterprises, users, agencies, towns] = await Promise.all([
    listAllEnterprises(db),
    listUserDirectory(db),
    listAllAgencies(db),
    townsByCode(db),
  ]);
  return { enterprises: byId(enterprises), users: byId(users), agencies: byId(agencies), towns };
}

export async function findingExportLookups(
  db: FieldInspectorDb,
  findings: readonly Finding[],
): Promise<ExportLookups> {
  const ids = [...new Set(findings.map((f) => f.inspectionId))];
  const [shared, inspections] = await Promise.all([common(db), getInspectionRecords(db, ids)]);
  return {
    ...shared,
    inspections: byId(inspections.filter((i): i is Inspection => i !== undefined)),
    findingCounts: new Map(),
  };
}

export async function inspectionExportLookups(
  db: FieldInspectorDb,
  inspections: readonly Inspection[],
): Promise<ExportLookups> {
  const ids = inspections.map((i) => i.id);
  const [shared, findings] = await Promise.all([
    common(db),
    listFindingRecordsOfInspections(db, ids),
  ]);
  const findingCounts = new Map<string, FindingCounts>();
  for (const f of findings) {
    if (f.deletedAt !== null) continue;
    const counts = findingCounts.get(f.inspectionId) ?? { total: 0, major: 0 };
    counts.total++;
    if (f.grade === 'major') counts.major++;
    findingCounts.set(f.inspectionId, counts);
  }
  return { ...shared, inspections: byId(inspections), findingCounts };
}
