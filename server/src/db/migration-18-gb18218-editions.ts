// Migration 18: the editions of the GB 18218-2018 reference table that administrators publish.
// One row per edition, only ever inserted: the whole checked table as JSON, who published it,
// when and why, and the id of the synced record (entity `gb18218Edition`) devices pull it as.
// The revision is the key, so two administrators publishing from the same base cannot both
// succeed. The shipped table is edition 1 and has no row: it lives in the code that grades with
// it, and a database without rows grades exactly as every device does before its first edition.
export const gb18218EditionsMigration = {
  version: 18,
  name: 'gb18218_editions: published editions of the GB 18218-2018 reference table',
  sql: [
    `CREATE TABLE gb18218_editions (
       revision integer PRIMARY KEY CHECK (revision >= 2),
       record_id uuid NOT NULL UNIQUE,
       data jsonb NOT NULL,
       published_by uuid NOT NULL,
       published_at timestamptz NOT NULL,
       reason text NOT NULL
     )`,
  ],
};
