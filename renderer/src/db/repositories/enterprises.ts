// Reads of enterprises for the screens; writes arrive through synced-records.ts.
import { inWorkingLists } from '../../../../domain/rules/enterprise-status';
import type { Enterprise } from '../../../../domain/schemas/enterprise';
import type { FieldInspectorDb } from '../database';

/** Every enterprise on this device that is not deleted, by name. */
export async function listEnterprises(db: FieldInspectorDb): Promise<Enterprise[]> {
  const all = await db.enterprises.orderBy('name').toArray();
  return all.filter((e) => e.deletedAt === null);
}

/**
 * The enterprises that are worked on, by name: live and not closed. A closed enterprise (shut
 * down or merged) keeps its inspections and hazards, reached through them, but leaves the lists.
 */
export async function listWorkingEnterprises(db: FieldInspectorDb): Promise<Enterprise[]> {
  const all = await db.enterprises.orderBy('name').toArray();
  return all.filter(inWorkingLists);
}

/** Enterprise names by id, to label inspections and findings. */
export async function enterpriseNames(db: FieldInspectorDb): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await db.enterprises.each((e) => names.set(e.id, e.name));
  return names;
}

export async function getEnterprise(
  db: FieldInspectorDb,
  id: string,
): Promise<Enterprise | undefined> {
  const found = await db.enterprises.get(id);
  return found && found.deletedAt === null ? found : undefined;
}

/** Every enterprise on this device, removed ones too (records keep naming them). */
export async function listAllEnterprises(db: FieldInspectorDb): Promise<Enterprise[]> {
  return db.enterprises.toArray();
}

/** One enterprise, removed or not: a record still shows the enterprise it names. */
export async function getEnterpriseRecord(
  db: FieldInspectorDb,
  id: string,
): Promise<Enterprise | undefined> {
  return db.enterprises.get(id);
}

/**
 * Keeps an enterprise the server answered an administrator's edit with, so the lists show it at
 * once; the next pull brings the same version. An older answer never replaces a newer record.
 */
export async function keepAnsweredEnterprise(
  db: FieldInspectorDb,
  enterprise: Enterprise,
): Promise<void> {
  await db.transaction('rw', db.enterprises, async () => {
    const stored = await db.enterprises.get(enterprise.id);
    if (!stored || stored.version < enterprise.version) await db.enterprises.put(enterprise);
  });
}
