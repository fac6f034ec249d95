// Migration 5: who uploaded which blob, whether any record ever referred to it, and which officers
// take part in which inspection. A record may refer only to bytes its writer uploaded or may read
// already; each user's uploads that no record claims are bounded by a quota and removed after a
// grace period; and every officer of an inspection pulls it, its hazards and its enterprise,
// wherever their own towns are.

/**
 * Repair: officers who took part in an inspection outside their towns never pulled it, and their
 * cursors are past it. The inspection, its findings and its enterprise take new versions under
 * the version lock (as writers do), so that their next pull brings them; users of the town pull
 * them again too, unchanged. Exported for its test.
 */
export const unseenParticipationRepair: readonly string[] = [
  `SELECT version FROM sync_state FOR UPDATE`,
  `CREATE TEMPORARY TABLE unseen_participations ON COMMIT DROP AS
     WITH outside AS (
       SELECT DISTINCT p.inspection_id, p.enterprise_id FROM participants p
       JOIN records u ON u.entity = 'user' AND u.id = p.user_id
       WHERE u.data->>'role' <> 'admin' AND NOT (u.data->'jurisdiction' @> to_jsonb(p.town))),
     unseen AS (
       SELECT 'inspection' AS entity, inspection_id AS id FROM outside
       UNION SELECT 'enterprise', enterprise_id FROM outside
       UNION SELECT 'finding', f.id FROM outside o
         JOIN records f ON f.entity = 'finding' AND f.data->>'inspectionId' = o.inspection_id::text)
     SELECT r.entity, r.id,
       (SELECT version FROM sync_state) + row_number() OVER (ORDER BY r.version) AS version
     FROM unseen JOIN records r ON r.entity = unseen.entity AND r.id = unseen.id`,
  `UPDATE records SET version = u.version, data = jsonb_set(records.data, '{version}', to_jsonb(u.version))
   FROM unseen_participations u WHERE records.entity = u.entity AND records.id = u.id`,
  `UPDATE sync_state SET version = version + (SELECT count(*) FROM unseen_participations)`,
  `DROP TABLE unseen_participations`,
];

/**
 * The participants of the inspections stored before, then the repair above. Exported for its
 * test.
 */
export const participantsBackfill: readonly string[] = [
  `INSERT INTO participants (inspection_id, user_id, enterprise_id, town)
     SELECT i.id, o.user_id::uuid, (i.data->>'enterpriseId')::uuid, i.town
     FROM records i CROSS JOIN LATERAL (
       SELECT i.data->>'leadInspectorId' AS user_id
       UNION
       SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(i.data->'coInspectorIds') = 'array'
         THEN i.data->'coInspectorIds' ELSE '[]'::jsonb END)) AS o
     WHERE i.entity = 'inspection' AND i.town IS NOT NULL AND o.user_id IS NOT NULL
     ON CONFLICT DO NOTHING`,
  ...unseenParticipationRepair,
];

export const uploadsParticipantsMigration = {
  version: 5,
  name: 'blob uploads and first references, inspection participants and their exits',
  sql: [
    // Every user who uploaded a blob's bytes, not only the first: each upload proves its user
    // holds them. `pending` while no record has referred to the blob (the quota counts these);
    // `uploaded_at` is the latest upload by that user (the grace period runs from the latest).
    `CREATE TABLE blob_uploads (
       sha256 text NOT NULL,
       user_id uuid NOT NULL,
       size integer NOT NULL,
       uploaded_at timestamptz NOT NULL,
       pending boolean NOT NULL,
       PRIMARY KEY (sha256, user_id)
     )`,
    `CREATE INDEX blob_uploads_pending ON blob_uploads (user_id) INCLUDE (size) WHERE pending`,
    // Set by the first record that refers to the blob and never cleared: a blob a record once
    // referred to may be evidence kept in history, and is never collected.
    `ALTER TABLE blobs ADD COLUMN referenced boolean NOT NULL DEFAULT false`,
    // Collecting unused blobs reads the never-referenced ones, oldest first.
    `CREATE INDEX blobs_unreferenced ON blobs (created_at) WHERE NOT referenced`,
    `UPDATE blobs b SET referenced = true
     WHERE EXISTS (SELECT 1 FROM blob_refs r WHERE r.sha256 = b.sha256)`,
    // Blobs a record referred to before and no longer does are named in its history, or in a
    // conflict's losing value: kept too.
    `UPDATE blobs SET referenced = true WHERE NOT referenced AND sha256 IN (
       SELECT m[1] FROM history h,
         regexp_matches(coalesce(h.before::text, '') || h.after::text, '"sha256": "([0-9a-f]{64})"', 'g') AS m
       WHERE h.entity IN ('inspection', 'finding')
       UNION
       SELECT m[1] FROM conflicts c,
         regexp_matches(coalesce(c.kept_value::text, '') || coalesce(c.losing_value::text, ''),
           '"sha256": "([0-9a-f]{64})"', 'g') AS m)`,
    `INSERT INTO blob_uploads (sha256, user_id, size, uploaded_at, pending)
       SELECT sha256, created_by, size, created_at, NOT referenced FROM blobs`,
    // The lead and co-inspectors of each inspection, with its enterprise and town (kept with the
    // inspection's): a pull finds a caller's inspections outside their towns by (user, town).
    `CREATE TABLE participants (
       inspection_id uuid NOT NULL,
       user_id uuid NOT NULL,
       enterprise_id uuid NOT NULL,
       town text NOT NULL,
       PRIMARY KEY (inspection_id, user_id)
     )`,
    `CREATE INDEX participants_user_town ON participants (user_id, town)`,
    `CREATE INDEX participants_enterprise ON participants (enterprise_id, user_id)`,
    // An officer removed from an inspection: pull tells them to remove it, its findings and (when
    // no other inspection of theirs is there) its enterprise, unless their towns show them.
    `CREATE TABLE participant_exits (
       user_id uuid NOT NULL,
       entity text NOT NULL,
       id uuid NOT NULL,
       version bigint NOT NULL,
       PRIMARY KEY (user_id, entity, id)
     )`,
    `CREATE INDEX participant_exits_user_version ON participant_exits (user_id, version)`,
    // A pull reads the findings of each such inspection as one ordered range.
    `CREATE INDEX records_inspection ON records ((data->>'inspectionId'), version)
       WHERE entity = 'finding'`,
    ...participantsBackfill,
  ],
};
