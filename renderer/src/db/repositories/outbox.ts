// The outbox: local changes waiting to be pushed. A local write and its outbox row always go in
// one transaction, so no change is ever stored without being queued (or queued without being
// stored). Pushing the queue comes later; for now it is only filled and counted.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import { entitySchemas } from '../../../../domain/schemas/entities';
import { entityTables } from '../database';
import type { FieldInspectorDb } from '../database';

export async function countPending(db: FieldInspectorDb): Promise<number> {
  return db.outbox.count();
}

/** Stores a record made or changed on this device and queues it for the server. */
export async function writeLocal<E extends EntityName>(
  db: FieldInspectorDb,
  entity: E,
  record: EntityRecord<E>,
  now: () => Date = () => new Date(),
): Promise<void> {
  const parsed = entitySchemas[entity].parse(record) as EntityRecord<E>;
  const table = db.table(entityTables[entity]);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.put(parsed);
    await db.outbox.add({
      entity,
      id: parsed.id,
      op: 'upsert',
      data: parsed as unknown as Record<string, unknown>,
      baseVersion: parsed.version,
      queuedAt: now().toISOString(),
    });
  });
}
