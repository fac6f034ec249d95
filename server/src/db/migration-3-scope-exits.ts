// Migration 3: what pull needs to tell a user that a record left their scope. A record whose town
// changes (an enterprise moved to another town, and its inspections and findings with it) leaves
// a scope exit: the town it left, the town it went to and the version of the move, so that pulls
// of users who could see the old town but not the new one get a removal at that version.
/**
 * Repair: before this migration a moved enterprise left its inspections and findings in its old
 * town. They move now, each at a new version taken under the version lock (as writers do), with
 * exits like any later move; the enterprise leaves an exit from each town they were left in, so
 * that devices there drop it too. (A town it passed through without leaving records behind is
 * not known.)
 */
export const staleScopeRepair: readonly string[] = [
  `SELECT version FROM sync_state FOR UPDATE`,
  `CREATE TEMPORARY TABLE stale_scopes ON COMMIT DROP AS
     WITH children AS (
       SELECT c.entity, c.id, c.town AS old_town, e.town AS new_town, c.version AS ord,
         e.id AS enterprise_id
       FROM records c JOIN records e
         ON e.entity = 'enterprise' AND e.id::text = c.data->>'enterpriseId'
       WHERE c.entity IN ('inspection', 'finding') AND c.town IS DISTINCT FROM e.town),
     moved AS (
       SELECT entity, id, old_town, new_town, true AS moves, ord FROM children
       UNION ALL
       (SELECT DISTINCT ON (enterprise_id, old_town) 'enterprise', enterprise_id, old_town,
          new_town, false, ord
        FROM children WHERE old_town IS NOT NULL ORDER BY enterprise_id, old_town, ord))
     SELECT entity, id, old_town, new_town, moves,
       (SELECT version FROM sync_state) + row_number() OVER (ORDER BY ord, entity, id) AS version
     FROM moved`,
  `UPDATE records SET version = s.version, town = s.new_town,
     data = jsonb_set(records.data, '{version}', to_jsonb(s.version))
   FROM stale_scopes s WHERE s.moves AND records.entity = s.entity AND records.id = s.id`,
  `INSERT INTO scope_exits (entity, id, old_town, new_town, version)
     SELECT entity, id, old_town, new_town, version FROM stale_scopes WHERE old_town IS NOT NULL`,
  `UPDATE sync_state SET version = version + (SELECT count(*) FROM stale_scopes)`,
  `DROP TABLE stale_scopes`,
];

export const scopeExitsMigration = {
  version: 3,
  name: 'scope exits, records by enterprise',
  sql: [
    // At most one exit per record and town it left: leaving the same town again replaces it, and
    // coming back into that town deletes it (the record is then sent there with its data).
    `CREATE TABLE scope_exits (
       entity text NOT NULL,
       id uuid NOT NULL,
       old_town text NOT NULL,
       new_town text,
       version bigint NOT NULL,
       PRIMARY KEY (entity, id, old_town)
     )`,
    // Pull reads each of the caller's towns as one ordered range; new_town rides along so the
    // visibility check needs no second lookup.
    `CREATE INDEX scope_exits_town_version ON scope_exits (old_town, version) INCLUDE (new_town)`,
    // Moving an enterprise finds its inspections and findings by this index.
    `CREATE INDEX records_enterprise ON records ((data->>'enterpriseId'))
       WHERE entity IN ('inspection', 'finding')`,
    ...staleScopeRepair,
  ],
};
