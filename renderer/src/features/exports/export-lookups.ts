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
import { townsByCode } from '../../db/repositories/towns';

export interface HazardCounts {
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
  hazardCounts: ReadonlyMap<string, HazardCounts>;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

async function common(db: FieldInspectorDb) {
  const [enterprises, users, agencies, towns] = await Promise.all([
    db.enterprises.toArray(),
    db.users.toArray(),
    db.agencies.toArray(),
    townsByCode(db),
  ]);
  return { enterprises: byId(enterprises), users: byId(users), agencies: byId(agencies), towns };
}

export async function hazardExportLookups(
  db: FieldInspectorDb,
  findings: readonly Finding[],
): Promise<ExportLookups> {
  const ids = [...new Set(findings.map((f) => f.inspectionId))];
  const [shared, inspections] = await Promise.all([common(db), db.inspections.bulkGet(ids)]);
  return {
    ...shared,
    inspections: byId(inspections.filter((i): i is Inspection => i !== undefined)),
    hazardCounts: new Map(),
  };
}

export async function inspectionExportLookups(
  db: FieldInspectorDb,
  inspections: readonly Inspection[],
): Promise<ExportLookups> {
  const ids = inspections.map((i) => i.id);
  const [shared, findings] = await Promise.all([
    common(db),
    db.findings.where('inspectionId').anyOf(ids).toArray(),
  ]);
  const hazardCounts = new Map<string, HazardCounts>();
  for (const f of findings) {
    if (f.deletedAt !== null) continue;
    const counts = hazardCounts.get(f.inspectionId) ?? { total: 0, major: 0 };
    counts.total++;
    if (f.grade === 'major') counts.major++;
    hazardCounts.set(f.inspectionId, counts);
  }
  return { ...shared, inspections: byId(inspections), hazardCounts };
}
