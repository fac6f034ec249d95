// Owns writing synced records: every write takes fresh versions from the global counter inside
// the caller's transaction, validates the record with its domain schema (unless the caller has
// already) and stores its scope, the version (and device) of each field's last change, and which
// blobs the record refers to. A write that changes a record's scope leaves a scope exit, and a
// moved enterprise takes its inspections and findings along; a written inspection updates who
// takes part in it (participants.ts).
import type { z } from 'zod';
import type { EntityName } from '../../../domain/schemas/entities';
import { entitySchemas } from '../../../domain/schemas/entities';
import { addBlobReferences } from '../blobs/blob-refs';
import type { Queryable } from '../db/database';
import { blobReferences } from './blob-references';
import { followParticipants } from './participants';
import type { ScopeMove } from './scope-exits';
import { moveChildren, recordScopeMoves } from './scope-exits';
import { recordKey } from './stored-records';

export interface RecordWrite {
  entity: EntityName;
  /** The record; its `version` is replaced by the one assigned here. */
  data: z.input<(typeof entitySchemas)[EntityName]>;
  /** The device whose mutation this is; null or absent for a change made on the server. */
  deviceId?: string | null;
  /** The data is its entity schema's output already (a push validated it): not parsed again. */
  validated?: boolean;
}

export interface WrittenRecord {
  entity: EntityName;
  id: string;
  version: number;
  data: Record<string, unknown>;
  /** Its scope: the town of its enterprise, null for records everyone may read. */
  town: string | null;
}

/**
 * Takes `count` consecutive versions from the global counter. The row lock this takes is held
 * until the transaction ends, so concurrent writers commit in version order.
 */
export async function takeVersions(tx: Queryable, count: number): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    'UPDATE sync_state SET version = version + $1 RETURNING version',
    [count],
  );
  const last = rows[0]?.version;
  if (last === undefined) throw new Error('sync_state is missing: the database is not migrated');
  return last - count + 1;
}

async function enterpriseTowns(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ id: string; town: string }>(
    `SELECT id::text AS id, town FROM records
     WHERE entity = 'enterprise' AND id IN (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r.town]));
}

/** What a caller that has read the records already knows of their scopes (see writeRecords). */
export interface KnownScopes {
  /** The stored town of every written record that exists already, by recordKey. */
  storedTowns: ReadonlyMap<string, string | null>;
  /** The stored town of enterprises the records belong to, by id (others are looked up). */
  enterpriseTowns: ReadonlyMap<string, string>;
}

/** Records scoped to their enterprise's town (`enterpriseId`): the rest are everyone's. */
const ENTERPRISE_SCOPED: ReadonlySet<EntityName> = new Set([
  'inspection',
  'finding',
  'task',
  'document',
]);

/** The scope of each record: its enterprise's town, or null for records everyone may read. */
async function scopes(
  tx: Queryable,
  records: Omit<WrittenRecord, 'town'>[],
  known: ReadonlyMap<string, string> | undefined,
): Promise<(string | null)[]> {
  const towns = new Map<string, string>(known);
  for (const r of records) if (r.entity === 'enterprise') towns.set(r.id, String(r.data.town));
  const missing = records
    .filter((r) => ENTERPRISE_SCOPED.has(r.entity) && r.data.enterpriseId)
    .map((r) => String(r.data.enterpriseId))
    .filter((id) => !towns.has(id));
  for (const [id, town] of await enterpriseTowns(tx, [...new Set(missing)])) towns.set(id, town);
  return records.map((r) => {
    if (r.entity === 'enterprise') return String(r.data.town);
    if (ENTERPRISE_SCOPED.has(r.entity)) {
      const town = towns.get(String(r.data.enterpriseId));
      if (!town) throw new Error(`${r.entity} ${r.id} refers to an unknown enterprise`);
      return town;
    }
    return null;
  });
}

const INSERT_BATCH = 500;

/** The stored scope of each written record that already exists, by entity/id. */
async function storedTowns(
  tx: Queryable,
  records: readonly { entity: EntityName; id: string }[],
): Promise<Map<string, string | null>> {
  const rows = await tx.query<{ entity: string; id: string; town: string | null }>(
    `SELECT r.entity, r.id::text AS id, r.town
     FROM jsonb_to_recordset($1::jsonb) AS k(entity text, id uuid)
     JOIN records r ON r.entity = k.entity AND r.id = k.id`,
    [JSON.stringify(records.map((r) => ({ entity: r.entity, id: r.id })))],
  );
  return new Map(rows.map((r) => [recordKey(r.entity, r.id), r.town]));
}

/**
 * Remembers the scope exits of the written records and moves moved enterprises' children;
 * returns every move.
 */
async function followScopeMoves(
  tx: Queryable,
  written: readonly WrittenRecord[],
  before: ReadonlyMap<string, string | null>,
): Promise<ScopeMove[]> {
  const moves: ScopeMove[] = [];
  for (const r of written) {
    const from = before.get(recordKey(r.entity, r.id));
    if (from === undefined || from === r.town) continue;
    moves.push({ entity: r.entity, id: r.id, from, to: r.town, version: r.version });
  }
  const enterprises = new Map<string, string>();
  for (const m of moves)
    if (m.entity === 'enterprise' && m.to !== null) enterprises.set(m.id, m.to);
  moves.push(...(await moveChildren(tx, enterprises, (count) => takeVersions(tx, count))));
  await recordScopeMoves(tx, moves);
  return moves;
}

/**
 * Upserts records in one go, each with its own new version (never shared, so that a page
 * boundary can never split a version). Returns the records as stored, in input order. `known`
 * spares the lookups of scopes that the caller (a push) has read already.
 */
export async function writeRecords(
  tx: Queryable,
  writes: readonly RecordWrite[],
  known?: KnownScopes,
): Promise<WrittenRecord[]> {
  if (writes.length === 0) return [];
  const first = await takeVersions(tx, writes.length);
  const parsed = writes.map((w, i) => {
    const version = first + i;
    const data = (
      w.validated ? { ...w.data, version } : entitySchemas[w.entity].parse({ ...w.data, version })
    ) as Record<string, unknown>;
    return { entity: w.entity, id: String(data.id), version, data };
  });
  const towns = await scopes(tx, parsed, known?.enterpriseTowns);
  const written = parsed.map((r, i): WrittenRecord => ({ ...r, town: towns[i] ?? null }));
  const before = known?.storedTowns ?? (await storedTowns(tx, written));
  for (let start = 0; start < written.length; start += INSERT_BATCH) {
    const rows = written.slice(start, start + INSERT_BATCH).map((r, i) => ({
      entity: r.entity,
      id: r.id,
      version: r.version,
      town: r.town,
      data: r.data,
      device: writes[start + i]?.deviceId ?? null,
    }));
    // A new record keeps its field maps empty: every field changed at its version, by the
    // writing device (migration 4). An update fills them for every field, moving only those
    // whose value differs (field_devices: by whom, null when the server made the change), and
    // clears the creation's version and device. The columns that copy the data are taken from
    // it here rather than sent twice.
    await tx.query(
      `INSERT INTO records (entity, id, version, town, data, deleted_at, updated_at, created_by,
         created_version, created_device)
       SELECT entity, id, version, town, data, (data->>'deletedAt')::timestamptz,
         (data->>'updatedAt')::timestamptz, (data->>'createdBy')::uuid, version, device
       FROM jsonb_to_recordset($1::jsonb) AS r(entity text, id uuid, version bigint, town text,
         data jsonb, device uuid)
       ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, town = excluded.town,
         data = excluded.data, deleted_at = excluded.deleted_at, updated_at = excluded.updated_at,
         field_versions = coalesce((SELECT jsonb_object_agg(k, CASE
             WHEN records.data -> k IS DISTINCT FROM excluded.data -> k THEN to_jsonb(excluded.version)
             ELSE coalesce(records.field_versions -> k, to_jsonb(records.created_version),
               to_jsonb(records.version)) END)
           FROM jsonb_object_keys(excluded.data) AS k), '{}'),
         field_devices = coalesce((SELECT jsonb_object_agg(k, CASE
             WHEN records.data -> k IS DISTINCT FROM excluded.data -> k
               THEN coalesce(to_jsonb(excluded.created_device), 'null'::jsonb)
             ELSE coalesce(records.field_devices -> k, to_jsonb(records.created_device),
               'null'::jsonb) END)
           FROM jsonb_object_keys(excluded.data) AS k), '{}'),
         created_version = NULL, created_device = NULL`,
      [JSON.stringify(rows)],
    );
  }
  await writeBlobReferences(tx, written, before);
  const moves = await followScopeMoves(tx, written, before);
  await followParticipants(tx, written, before, moves, (count) => takeVersions(tx, count));
  return written;
}

/**
 * Replaces the blob references of the written records with those their data now holds. `stored`
 * names the records that existed before: a record written for the first time has none to remove.
 */
async function writeBlobReferences(
  tx: Queryable,
  written: WrittenRecord[],
  stored: ReadonlyMap<string, unknown>,
): Promise<void> {
  const holders = written.filter((r) => r.entity === 'inspection' || r.entity === 'finding');
  if (holders.length === 0) return;
  const replaced = holders.filter((r) => stored.has(recordKey(r.entity, r.id)));
  if (replaced.length > 0) {
    await tx.query(
      `DELETE FROM blob_refs WHERE (entity, record_id) IN
         (SELECT entity, id FROM jsonb_to_recordset($1::jsonb) AS r(entity text, id uuid))`,
      [JSON.stringify(replaced.map((r) => ({ entity: r.entity, id: r.id })))],
    );
  }
  const refs = holders.flatMap((r) =>
    blobReferences(r.entity, r.data).map((sha256) => ({ sha256, entity: r.entity, id: r.id })),
  );
  await addBlobReferences(tx, refs);
}

/** One record by entity and id, or null. */
export async function readRecord<E extends EntityName>(
  db: Queryable,
  entity: E,
  id: string,
): Promise<z.infer<(typeof entitySchemas)[E]> | null> {
  const rows = await db.query<{ data: unknown }>(
    'SELECT data FROM records WHERE entity = $1 AND id = $2::uuid',
    [entity, id],
  );
  const row = rows[0];
  return row ? (entitySchemas[entity].parse(row.data) as z.infer<(typeof entitySchemas)[E]>) : null;
}
