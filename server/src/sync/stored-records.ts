// Reads records as the push path needs them: data with the version and device of each field's
// last change, plus the scope (town), several at a time.
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
  }>(
    `SELECT r.entity, r.id::text AS id, r.version, r.town, r.data, r.field_versions, r.field_devices
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
        fieldVersions: r.field_versions,
        fieldDevices: r.field_devices,
      },
    ]),
  );
}
