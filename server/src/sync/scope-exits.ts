// Owns scope exits: remembering that a record left a town (so that pull can tell the users who
// saw it there to remove it) and carrying an enterprise's inspections and findings along when
// the enterprise moves to another town (and their registered document numbers).
import type { EntityName } from '../../../domain/schemas/entities';
import type { Queryable } from '../db/database';

export interface ScopeMove {
  entity: EntityName;
  id: string;
  /** The town the record was in; null for a record everyone may read. */
  from: string | null;
  to: string | null;
  /** The version the record was written at by the move. */
  version: number;
}

/**
 * Records each move's exit from its old town and voids earlier exits from its new town: a record
 * back in a town it once left is sent there with its data again, at a newer version.
 */
export async function recordScopeMoves(tx: Queryable, moves: readonly ScopeMove[]): Promise<void> {
  const entering = moves.filter((m) => m.to !== null);
  if (entering.length > 0) {
    await tx.query(
      `DELETE FROM scope_exits s USING jsonb_to_recordset($1::jsonb) AS m(entity text, id uuid, town text)
       WHERE s.entity = m.entity AND s.id = m.id AND s.old_town = m.town`,
      [JSON.stringify(entering.map((m) => ({ entity: m.entity, id: m.id, town: m.to })))],
    );
  }
  const leaving = moves.filter((m) => m.from !== null);
  if (leaving.length === 0) return;
  await tx.query(
    `INSERT INTO scope_exits (entity, id, old_town, new_town, version)
     SELECT entity, id, old_town, new_town, version FROM jsonb_to_recordset($1::jsonb)
       AS m(entity text, id uuid, old_town text, new_town text, version bigint)
     ON CONFLICT (entity, id, old_town) DO UPDATE
       SET new_town = excluded.new_town, version = excluded.version`,
    [
      JSON.stringify(
        leaving.map((m) => ({
          entity: m.entity,
          id: m.id,
          old_town: m.from,
          new_town: m.to,
          version: m.version,
        })),
      ),
    ],
  );
}

/**
 * Moves the inspections, findings and document numbers of moved enterprises to their enterprise's new town, each
 * at a new version from `takeVersions` (so users of the new town pull them), and returns the
 * moves. Their content is unchanged: no field version moves, so no client edit conflicts.
 */
export async function moveChildren(
  tx: Queryable,
  enterprises: ReadonlyMap<string, string>,
  takeVersions: (count: number) => Promise<number>,
): Promise<ScopeMove[]> {
  if (enterprises.size === 0) return [];
  const rows = await tx.query<{
    entity: EntityName;
    id: string;
    town: string | null;
    enterprise_id: string;
  }>(
    `SELECT entity, id::text AS id, town, data->>'enterpriseId' AS enterprise_id FROM records
     WHERE entity IN ('inspection', 'finding', 'document')
       AND data->>'enterpriseId' IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))
     ORDER BY version`,
    [JSON.stringify([...enterprises.keys()])],
  );
  const stale = rows.filter((r) => r.town !== enterprises.get(r.enterprise_id));
  if (stale.length === 0) return [];
  const first = await takeVersions(stale.length);
  const moves = stale.map((r, i): ScopeMove => ({
    entity: r.entity,
    id: r.id,
    from: r.town,
    to: enterprises.get(r.enterprise_id) ?? null,
    version: first + i,
  }));
  await tx.query(
    `UPDATE records SET version = m.version, town = m.town,
       data = jsonb_set(records.data, '{version}', to_jsonb(m.version))
     FROM jsonb_to_recordset($1::jsonb) AS m(entity text, id uuid, version bigint, town text)
     WHERE records.entity = m.entity AND records.id = m.id`,
    [
      JSON.stringify(
        moves.map((m) => ({ entity: m.entity, id: m.id, version: m.version, town: m.to })),
      ),
    ],
  );
  return moves;
}
