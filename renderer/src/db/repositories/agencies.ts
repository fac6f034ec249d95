// Reads of agencies; writes arrive through synced-records.ts.
import type { Agency } from '../../../../domain/schemas/agency';
import type { FieldInspectorDb } from '../database';

export async function getAgency(db: FieldInspectorDb, id: string): Promise<Agency | undefined> {
  return db.agencies.get(id);
}
