// Reads of the synced user directory; writes arrive through synced-records.ts.
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';

/** Inspectors who hold a certificate number (those who count for the two-officer rule), by name. */
export async function listCertifiedInspectors(db: FieldInspectorDb): Promise<User[]> {
  const all = await db.users.toArray();
  return all
    .filter((u) => u.deletedAt === null && u.role === 'inspector' && u.certificateNo !== null)
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export async function listUsers(db: FieldInspectorDb): Promise<User[]> {
  const all = await db.users.toArray();
  return all.filter((u) => u.deletedAt === null);
}
