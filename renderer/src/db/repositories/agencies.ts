// Reads of agencies; writes arrive through synced-records.ts.
import type { Agency } from '../../../../domain/schemas/agency';
import type { FieldInspectorDb } from '../database';

export async function getAgency(db: FieldInspectorDb, id: string): Promise<Agency | undefined> {
  return db.agencies.get(id);
}

/** Every agency on this device, removed ones too (records keep naming them). */
export async function listAllAgencies(db: FieldInspectorDb): Promise<Agency[]> {
  return db.agencies.toArray();
}

/** The agencies with these ids (removed ones too), in order; missing ones undefined. */
export async function getAgencies(
  db: FieldInspectorDb,
  ids: readonly string[],
): Promise<(Agency | undefined)[]> {
  return db.agencies.bulkGet([...ids]);
}
