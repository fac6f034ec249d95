// Reads records as the push path needs them, several at a time: the records a batch writes with
// the version and device of each field's last change and their scope (town); the records it
// only refers to, as just the fields the write rules read of them.
import type { EntityName } from '../../../domain/schemas/entities';
import type { Queryable } from '../db/database';

export interface StoredRecord {
  entity: EntityName;
  id: string;
  version: number;
  town: string | null;
  data: Record<string, unknown>;
  fieldVersions: Record<string, number>;
  fieldDevices: Record<string, string | null>;
}

export const recordKey = (entity: string, id: string) => `${entity}/${id}`;

/** The stored records among `keys` (missing ones are simply absent), by recordKey. */
export async function loadRecords(
  tx: Queryable,
  keys: readonly { entity: EntityName; id: string }[],
): Promise<Map<string, StoredRecord>> {
  if (keys.length === 0) return new Map();
  const rows = await tx.query<{
    entity: EntityName;
    id: string;
    version: number;
    town: string | null;
    data: Record<string, unknown>;
    field_versions: Record<string, number>;
    field_devices: Record<string, string | null>;
    created_version: number | null;
    created_device: string | null;
  }>(
    `SELECT r.entity, r.id::text AS id, r.version, r.town, r.data, r.field_versions, r.field_devices,
       r.created_version, r.created_device::text AS created_device
     FROM jsonb_to_recordset($1::jsonb) AS k(entity text, id uuid)
     JOIN records r ON r.entity = k.entity AND r.id = k.id`,
    [JSON.stringify(keys)],
  );
  return new Map(
    rows.map((r) => [
      recordKey(r.entity, r.id),
      {
        entity: r.entity,
        id: r.id,
        version: r.version,
        town: r.town,
        data: r.data,
        ...fieldMaps(r),
      },
    ]),
  );
}

/**
 * The version and device of each field's last change. A record unchanged since its creation
 * stores them once for all its fields (migration 4).
 */
function fieldMaps(r: {
  data: Record<string, unknown>;
  field_versions: Record<string, number>;
  field_devices: Record<string, string | null>;
  created_version: number | null;
  created_device: string | null;
}): Pick<StoredRecord, 'fieldVersions' | 'fieldDevices'> {
  const created = r.created_version;
  if (created === null) return { fieldVersions: r.field_versions, fieldDevices: r.field_devices };
  const keys = Object.keys(r.data);
  return {
    fieldVersions: Object.fromEntries(keys.map((k) => [k, created])),
    fieldDevices: Object.fromEntries(keys.map((k) => [k, r.created_device])),
  };
}

/**
 * The stored records among `keys`, each as only its `fields` (absent ones stay absent), by
 * recordKey (a field stored as null is absent too). A batch refers to hundreds of enterprises and
 * inspections and the write rules read a few fields of each: carrying their whole data over the
 * database's wire cost more than everything else the batch did.
 */
export async function loadReferences(
  tx: Queryable,
  keys: readonly { entity: EntityName; id: string }[],
  fields: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  if (keys.length === 0) return new Map();
  // Each field by its own parameter, picked with ->: far cheaper than walking the data's keys.
  const picks = fields.map((_, i) => `$${i + 2}::text, r.data -> $${i + 2}::text`).join(', ');
  // One row holding them all as JSON text: on the embedded database each row of a result costs
  // more to hand over than the lookup that found it.
  const [found] = await tx.query<{ rows: string }>(
    `SELECT coalesce(json_agg(json_build_array(r.entity, r.id,
       jsonb_strip_nulls(jsonb_build_object(${picks})))), '[]')::text AS rows
     FROM jsonb_to_recordset($1::jsonb) AS k(entity text, id uuid)
     JOIN records r ON r.entity = k.entity AND r.id = k.id`,
    [JSON.stringify(keys), ...fields],
  );
  const rows = JSON.parse(found?.rows ?? '[]') as [EntityName, string, Record<string, unknown>][];
  return new Map(rows.map(([entity, id, data]) => [recordKey(entity, id), data]));
}
