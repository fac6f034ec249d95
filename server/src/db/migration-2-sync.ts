// Migration 2: what the push path, blobs and the conflicts log need. Devices keep their mutation
// numbering across sign-ins, every applied mutation is kept as history, records remember when
// (and from which device) each field last changed, and blobs are addressed by their SHA-256.
export const syncWritePathMigration = {
  version: 2,
  name: 'devices, mutation results, history, field versions, conflicts, blobs',
  sql: [
    // A device is what numbers mutations; several sessions (sign-ins) may belong to one device.
    `ALTER TABLE sessions DROP CONSTRAINT sessions_device_id_key`,
    `CREATE INDEX sessions_device ON sessions (device_id)`,
    `CREATE TABLE devices (
       device_id uuid PRIMARY KEY,
       user_id uuid NOT NULL,
       name text NOT NULL,
       last_mid bigint NOT NULL DEFAULT 0,
       created_at timestamptz NOT NULL,
       last_push_at timestamptz
     )`,
    `CREATE INDEX devices_user ON devices (user_id)`,
    `INSERT INTO devices (device_id, user_id, name, last_mid, created_at)
       SELECT DISTINCT ON (device_id) device_id, user_id, device_name, 0, created_at
       FROM sessions ORDER BY device_id, created_at`,
    // The answer given to each mutation, so that a duplicate is answered the same way.
    `CREATE TABLE mutation_results (
       device_id uuid NOT NULL,
       mid bigint NOT NULL,
       result jsonb NOT NULL,
       PRIMARY KEY (device_id, mid)
     )`,
    // Every applied change: the changed fields before and after (after only, for a creation).
    `CREATE TABLE history (
       seq bigserial PRIMARY KEY,
       entity text NOT NULL,
       id uuid NOT NULL,
       version bigint NOT NULL,
       user_id uuid NOT NULL,
       device_id uuid,
       mid bigint,
       at timestamptz NOT NULL,
       before jsonb,
       after jsonb NOT NULL
     )`,
    `CREATE INDEX history_record ON history (entity, id, version)`,
    // Field → version of its last change, and field → device that made it (null: made on the
    // server). Records written before this migration count every field as changed at their version.
    `ALTER TABLE records ADD COLUMN field_versions jsonb NOT NULL DEFAULT '{}'::jsonb`,
    `ALTER TABLE records ADD COLUMN field_devices jsonb NOT NULL DEFAULT '{}'::jsonb`,
    `UPDATE records SET field_versions =
       coalesce((SELECT jsonb_object_agg(k, records.version) FROM jsonb_object_keys(records.data) AS k),
                '{}'::jsonb)`,
    `CREATE TABLE conflicts (
       id uuid PRIMARY KEY,
       entity text NOT NULL,
       record_id uuid NOT NULL,
       town text,
       field text NOT NULL,
       kept_value jsonb,
       losing_value jsonb,
       kept_user_id uuid NOT NULL,
       kept_device_id uuid,
       losing_user_id uuid,
       losing_device_id uuid,
       version bigint NOT NULL,
       at timestamptz NOT NULL,
       resolved_at timestamptz,
       resolved_by uuid,
       resolution text CHECK (resolution IN ('kept', 'losing'))
     )`,
    `CREATE INDEX conflicts_open_town ON conflicts (town, at) WHERE resolved_at IS NULL`,
    `CREATE INDEX conflicts_town_at ON conflicts (town, at)`,
    `CREATE INDEX conflicts_record ON conflicts (entity, record_id)`,
    // Bytes live in the row (PostgreSQL; an in-memory embedded database) or, with the embedded
    // database on disk, in files under the data directory, when bytes is null.
    `CREATE TABLE blobs (
       sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       mime text NOT NULL,
       size integer NOT NULL,
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL,
       bytes bytea
     )`,
    // Which records refer to which blob, rewritten with every write of a record.
    `CREATE TABLE blob_refs (
       sha256 text NOT NULL,
       entity text NOT NULL,
       record_id uuid NOT NULL,
       PRIMARY KEY (sha256, entity, record_id)
     )`,
    `CREATE INDEX blob_refs_record ON blob_refs (entity, record_id)`,
    `INSERT INTO blob_refs (sha256, entity, record_id)
       SELECT DISTINCT ref.sha256, r.entity, r.id FROM records r CROSS JOIN LATERAL (
         SELECT p->>'sha256' AS sha256 FROM jsonb_array_elements(
           CASE WHEN jsonb_typeof(r.data->'photos') = 'array' THEN r.data->'photos' ELSE '[]'::jsonb END) AS p
         UNION ALL
         SELECT p->>'sha256' FROM jsonb_array_elements(
           CASE WHEN jsonb_typeof(r.data->'verification'->'photos') = 'array'
                THEN r.data->'verification'->'photos' ELSE '[]'::jsonb END) AS p
         UNION ALL
         SELECT s->'image'->>'sha256' FROM jsonb_array_elements(
           CASE WHEN jsonb_typeof(r.data->'signatures') = 'array' THEN r.data->'signatures' ELSE '[]'::jsonb END) AS s
       ) AS ref WHERE ref.sha256 IS NOT NULL`,
  ],
} as const;
