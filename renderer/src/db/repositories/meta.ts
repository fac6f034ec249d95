// The sync bookkeeping kept in the `meta` table: the pull cursor, the last success and the last
// error. The cursor is written only inside the transaction that applies its page.
import type { FieldInspectorDb } from '../database';

const CURSOR = 'sync.cursor';
const LAST_SUCCESS = 'sync.lastSuccessAt';
const LAST_ERROR = 'sync.lastError';

export interface StoredSyncError {
  kind: 'network' | 'unauthorized' | 'server' | 'invalidData' | 'unknown';
  message: string;
  at: string;
}

export interface SyncRecord {
  lastSuccessAt: string | null;
  lastError: StoredSyncError | null;
}

export async function getCursor(db: FieldInspectorDb): Promise<string | null> {
  const row = await db.meta.get(CURSOR);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Call inside the transaction that applies the page this cursor follows. */
export async function putCursor(db: FieldInspectorDb, cursor: string): Promise<void> {
  await db.meta.put({ key: CURSOR, value: cursor });
}

export async function getSyncRecord(db: FieldInspectorDb): Promise<SyncRecord> {
  const [success, error] = await db.meta.bulkGet([LAST_SUCCESS, LAST_ERROR]);
  return {
    lastSuccessAt: typeof success?.value === 'string' ? success.value : null,
    lastError: (error?.value as StoredSyncError | null | undefined) ?? null,
  };
}

export async function recordSyncSuccess(db: FieldInspectorDb, at: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: LAST_SUCCESS, value: at });
    await db.meta.put({ key: LAST_ERROR, value: null });
  });
}

export async function recordSyncError(db: FieldInspectorDb, error: StoredSyncError): Promise<void> {
  await db.meta.put({ key: LAST_ERROR, value: error });
}
