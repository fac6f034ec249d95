// Reads of what the server holds, for tests that must show what a request stored or, refused,
// that it stored nothing: a record as stored, its history and conflicts, and a device's answers.
import type { EntityName } from '../../domain/schemas/entities';
import type { MutationResult } from '../../domain/sync/protocol';
import type { Queryable } from '../../server/src/db/database';

export interface StoredRow<T = Record<string, unknown>> {
  version: number;
  town: string | null;
  data: T;
}

/** The record as stored, or undefined when the server holds none. */
export async function storedRecord<T = Record<string, unknown>>(
  db: Queryable,
  entity: EntityName,
  id: string,
): Promise<StoredRow<T> | undefined> {
  const [row] = await db.query<StoredRow<T>>(
    'SELECT version, town, data FROM records WHERE entity = $1 AND id = $2::uuid',
    [entity, id],
  );
  return row;
}

/** How many history rows the record has. */
export async function historyCount(db: Queryable, entity: EntityName, id: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM history WHERE entity = $1 AND id = $2::uuid',
    [entity, id],
  );
  return row?.n ?? 0;
}

export interface RecordState {
  record: StoredRow | undefined;
  /** Its per-field versions and devices, which a write that changes no value still moves. */
  fields: { field_versions: unknown; field_devices: unknown } | undefined;
  history: number;
  conflicts: number;
}

/** The state of a record the server never stored. */
export const NEVER_STORED: RecordState = {
  record: undefined,
  fields: undefined,
  history: 0,
  conflicts: 0,
};

/**
 * Everything the server keeps of one record: compare it before and after a refused write to show
 * the write left no trace.
 */
export async function recordState(
  db: Queryable,
  entity: EntityName,
  id: string,
): Promise<RecordState> {
  const [fields] = await db.query<{ field_versions: unknown; field_devices: unknown }>(
    'SELECT field_versions, field_devices FROM records WHERE entity = $1 AND id = $2::uuid',
    [entity, id],
  );
  const [conflicts] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM conflicts WHERE entity = $1 AND record_id = $2::uuid',
    [entity, id],
  );
  return {
    record: await storedRecord(db, entity, id),
    fields,
    history: await historyCount(db, entity, id),
    conflicts: conflicts?.n ?? 0,
  };
}

/** recordState of each record (entity and id), one after another. */
export async function recordStates(
  db: Queryable,
  records: readonly [EntityName, string][],
): Promise<RecordState[]> {
  const states: RecordState[] = [];
  for (const [entity, id] of records) states.push(await recordState(db, entity, id));
  return states;
}

/** The answer the server keeps for a device's mutation (to repeat it), if it keeps one. */
export async function savedResult(
  db: Queryable,
  deviceId: string,
  mid: number,
): Promise<MutationResult | undefined> {
  const [row] = await db.query<{ result: MutationResult }>(
    'SELECT result FROM mutation_results WHERE device_id = $1::uuid AND mid = $2',
    [deviceId, mid],
  );
  return row?.result;
}

/** The last mid the server took from the device (undefined for a device it does not know). */
export async function lastMidOf(db: Queryable, deviceId: string): Promise<number | undefined> {
  const [row] = await db.query<{ last_mid: number }>(
    'SELECT last_mid::int AS last_mid FROM devices WHERE device_id = $1::uuid',
    [deviceId],
  );
  return row?.last_mid;
}

/** A record's version and data as stored: what a test compares before and after a request. */
export interface StoredCopy<T> {
  version: number;
  data: T;
}

/** The record's version and data as stored, or undefined when the server holds none. */
export async function storedCopy<T = Record<string, unknown>>(
  db: Queryable,
  entity: EntityName,
  id: string,
): Promise<StoredCopy<T> | undefined> {
  const [row] = await db.query<StoredCopy<T>>(
    'SELECT version, data FROM records WHERE entity = $1 AND id = $2::uuid',
    [entity, id],
  );
  return row;
}

/** storedCopy of a record the test knows is stored: throws, naming it, when it is not. */
export async function mustBeStored<T = Record<string, unknown>>(
  db: Queryable,
  entity: EntityName,
  id: string,
): Promise<StoredCopy<T>> {
  const row = await storedCopy<T>(db, entity, id);
  if (!row) throw new Error(`no ${entity} ${id} on the server`);
  return row;
}

/**
 * Everything an administrator's write to the enterprise registry could change: the enterprises,
 * the sync version, their history and the audit log.
 */
export async function registryState(db: Queryable) {
  const records = await db.query<{ id: string; version: number; data: unknown }>(
    "SELECT id::text AS id, version, data FROM records WHERE entity = 'enterprise' ORDER BY id",
  );
  const [counter] = await db.query<{ version: number }>('SELECT version FROM sync_state');
  const [history] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM history WHERE entity = 'enterprise'",
  );
  const [audit] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_actions');
  return { records, counter: counter?.version, history: history?.n, audit: audit?.n };
}
