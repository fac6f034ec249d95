// Owns the bookkeeping of a full re-pull (a pull that starts over from nothing, e.g. because the
// user's towns or role changed): which records it has delivered so far (table `repulled`, kept
// across interruptions so that a resumed re-pull carries on), and, once it completes, removing
// the local records it did not deliver again, unless a local change of them is still queued,
// with the photos and signatures nothing kept refers to any more.
//
// Every function here runs inside the transaction that applies a pulled page (see
// `repullTables`), so marks, removals and the cursor always move together.
import { Dexie } from 'dexie';
import type { EntityName } from '../../../../domain/schemas/entities';
import { entityTables } from '../database';
import type { FieldInspectorDb, RepulledRow } from '../database';
import { referencedHashes } from './blobs';
import { setRepullState } from './meta';

type RecordKey = [EntityName, string];

/** The tables a page's transaction must hold to apply the page and keep the re-pull's books. */
export function repullTables(db: FieldInspectorDb) {
  return [
    ...Object.values(entityTables).map((name) => db.table(name)),
    db.meta,
    db.outbox,
    db.held,
    db.repulled,
    db.blobs,
    db.blobUploads,
    db.findingDrafts,
    db.rejected,
  ];
}

/** Forgets the marks of any earlier, unfinished re-pull: this one delivers everything again. */
export async function startRepull(db: FieldInspectorDb): Promise<void> {
  await db.repulled.clear();
  await setRepullState(db, 'running');
}

/** Marks the records of a page as delivered by the re-pull under way (removals too: harmless). */
export async function markRepulled(
  db: FieldInspectorDb,
  changes: readonly { entity: EntityName; id: string }[],
): Promise<void> {
  if (changes.length === 0) return;
  await db.repulled.bulkPut(changes.map(({ entity, id }): RepulledRow => ({ entity, id })));
}

/**
 * Ends the re-pull: removes every local record it did not deliver and that has no queued outbox
 * row, then the blobs only removed records referred to (bytes not yet uploaded always stay: they
 * are this device's unsent work). Returns how many records were removed.
 */
export async function finishRepull(db: FieldInspectorDb): Promise<number> {
  const removedHashes = new Set<string>();
  let removed = 0;
  for (const entity of Object.keys(entityTables) as EntityName[]) {
    const table = db.table<Record<string, unknown>, string>(entityTables[entity]);
    const [ids, marked] = await Promise.all([
      table.toCollection().primaryKeys(),
      db.repulled
        .where('[entity+id]')
        .between([entity, Dexie.minKey], [entity, Dexie.maxKey])
        .primaryKeys(),
    ]);
    const delivered = new Set(marked.map((key) => key[1]));
    const stale = ids.filter((id) => !delivered.has(id));
    if (stale.length === 0) continue;
    const queued = new Set(
      (
        (await db.outbox
          .where('[entity+id]')
          .anyOf(stale.map((id): RecordKey => [entity, id]))
          .keys()) as unknown as RecordKey[]
      ).map((key) => key[1]),
    );
    const gone = stale.filter((id) => !queued.has(id));
    if (gone.length === 0) continue;
    const records = await table.bulkGet(gone);
    for (const hash of referencedHashes(records.map((data) => ({ data: data ?? null })))) {
      removedHashes.add(hash);
    }
    await table.bulkDelete(gone);
    await db.held.bulkDelete(gone.map((id): [string, string] => [entity, id]));
    removed += gone.length;
  }
  await removeOrphanBlobs(db, removedHashes);
  await db.repulled.clear();
  await setRepullState(db, null);
  return removed;
}

/**
 * Of `candidates`, deletes the uploaded blobs that no kept record, queued, refused or held row
 * or hazard draft refers to. Rows are read one at a time: a re-pull can leave many records.
 */
async function removeOrphanBlobs(db: FieldInspectorDb, candidates: Set<string>): Promise<void> {
  const orphans = new Set(candidates);
  const keep = (data: Record<string, unknown> | null) => {
    if (orphans.size === 0 || data === null) return;
    for (const hash of referencedHashes([{ data }])) orphans.delete(hash);
  };
  for (const name of Object.values(entityTables)) {
    if (orphans.size === 0) return;
    await db.table<Record<string, unknown>, string>(name).each(keep);
  }
  await db.outbox.each((row) => keep(row.data));
  await db.rejected.each((row) => keep(row.data));
  await db.held.each((row) => keep(row.record));
  await db.findingDrafts.each((row) => keep(row.values));
  if (orphans.size === 0) return;
  const uploads = await db.blobUploads.bulkGet([...orphans]);
  const deletable = uploads.flatMap((upload) => (upload ? [upload.sha256] : []));
  if (deletable.length === 0) return;
  await db.blobs.bulkDelete(deletable);
  await db.blobUploads.bulkDelete(deletable);
}
