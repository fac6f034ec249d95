// The sync bookkeeping kept in the `meta` table: the pull cursor, the last success and the last
// error, this profile's device id and whether a full re-pull is owed. The cursor is written only
// inside the transaction that applies its page. (The mid counter, kept in the same table, belongs
// to the outbox: db/outbox/numbering.ts.)
import type { FieldInspectorDb } from '../database';

const CURSOR = 'sync.cursor';
const LAST_SUCCESS = 'sync.lastSuccessAt';
const LAST_ERROR = 'sync.lastError';
const DEVICE_ID = 'sync.deviceId';
const REPULL = 'sync.repull';

export interface StoredSyncError {
  kind:
    | 'offline'
    | 'network'
    | 'unauthorized'
    | 'refused'
    | 'server'
    | 'invalidData'
    | 'insecureServer'
    | 'unknown'
    | 'uploadQuota'
    | 'deactivated'
    | 'passwordChange'
    | 'deviceWiped';
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

/**
 * Forgets the pull cursor so that the next pull starts over (and overwrites stale records); that
 * pull is a full re-pull, which removes what it does not resend (see repull.ts).
 */
export async function resetCursor(db: FieldInspectorDb): Promise<void> {
  await db.meta.delete(CURSOR);
  await setRepullState(db, 'owed');
}

/**
 * A full re-pull is `owed` (the next pull without a cursor is one) or `running` (its pages are
 * being counted, see repull.ts); null otherwise.
 */
export type RepullState = 'owed' | 'running' | null;

export async function getRepullState(db: FieldInspectorDb): Promise<RepullState> {
  const value = (await db.meta.get(REPULL))?.value;
  return value === 'owed' || value === 'running' ? value : null;
}

export async function setRepullState(db: FieldInspectorDb, state: RepullState): Promise<void> {
  if (state === null) await db.meta.delete(REPULL);
  else await db.meta.put({ key: REPULL, value: state });
}

/** The device id the server gave this profile, kept so that signing in again can reuse it. */
export async function getDeviceId(db: FieldInspectorDb): Promise<string | null> {
  const row = await db.meta.get(DEVICE_ID);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function putDeviceId(db: FieldInspectorDb, deviceId: string): Promise<void> {
  await db.meta.put({ key: DEVICE_ID, value: deviceId });
}
