// Reads of the district's towns; writes arrive through synced-records.ts.
import type { TownRecord } from '../../../../domain/schemas/town';
import type { FieldInspectorDb } from '../database';

/** The towns in force, by code. */
export async function listTowns(db: FieldInspectorDb): Promise<TownRecord[]> {
  const towns = await db.towns.orderBy('code').toArray();
  return towns.filter((t) => t.deletedAt === null);
}

/** Every town the device holds, deleted ones too (older records still name them), by code. */
export async function townsByCode(db: FieldInspectorDb): Promise<Map<string, TownRecord>> {
  return new Map((await db.towns.toArray()).map((t) => [t.code, t]));
}
