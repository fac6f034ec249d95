// Writes that arrive from the server: one pulled page, its records and its cursor, applied in a
// single transaction so that a failure leaves both the records and the cursor as they were.
import type { EntityName, EntityRecord } from '../../../../domain/schemas/entities';
import { entityTables } from '../database';
import type { FieldInspectorDb } from '../database';
import { putCursor } from './meta';

export type PulledChange = {
  [E in EntityName]: { entity: E; id: string; record: EntityRecord<E> | null };
}[EntityName];

export interface PageCounts {
  applied: number;
  deleted: number;
}

export async function applyPulledPage(
  db: FieldInspectorDb,
  changes: readonly PulledChange[],
  cursor: string,
): Promise<PageCounts> {
  const tables = [...Object.values(entityTables).map((name) => db.table(name)), db.meta];
  return db.transaction('rw', tables, async () => {
    let applied = 0;
    let deleted = 0;
    for (const change of changes) {
      const table = db.table(entityTables[change.entity]);
      if (change.record === null) {
        await table.delete(change.id);
        deleted++;
      } else {
        await table.put(change.record);
        applied++;
      }
    }
    await putCursor(db, cursor);
    return { applied, deleted };
  });
}
