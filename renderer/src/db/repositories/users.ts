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

/**
 * Every user this device knows, removed ones too: the names of people a record already names
 * (who found, reviewed or signed) stay readable after an account is removed.
 */
export async function listUserDirectory(db: FieldInspectorDb): Promise<User[]> {
  return db.users.toArray();
}

/** One user of the directory (removed ones too), or undefined when not on this device. */
export async function getDirectoryUser(
  db: FieldInspectorDb,
  id: string,
): Promise<User | undefined> {
  return db.users.get(id);
}

/** The directory's users with these ids (removed ones too), in order; missing ones undefined. */
export async function getDirectoryUsers(
  db: FieldInspectorDb,
  ids: readonly string[],
): Promise<(User | undefined)[]> {
  return db.users.bulkGet([...ids]);
}
