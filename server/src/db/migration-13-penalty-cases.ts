// Migration 13: penalty cases (行政处罚), held on the server and written through /cases only.
// One row per case with its domain JSON; at most one live (pending or open) case per record it
// was opened from, held by the database against two officers opening the same case at once. The
// register also numbers a case's documents: they name the case, and one case has at most one
// document of each kind, as one inspection has (which now holds only for inspections' documents).
export const penaltyCasesMigration = {
  version: 13,
  name: 'penalty_cases, and the document register numbering cases’ and extensions’ documents',
  sql: [
    `CREATE TABLE penalty_cases (
       id uuid PRIMARY KEY,
       agency_id uuid NOT NULL,
       town text NOT NULL,
       status text NOT NULL,
       version integer NOT NULL CHECK (version > 0),
       data jsonb NOT NULL,
       updated_at timestamptz NOT NULL
     )`,
    `CREATE INDEX penalty_cases_agency_town ON penalty_cases (agency_id, town)`,
    `CREATE UNIQUE INDEX penalty_cases_one_live_per_origin
       ON penalty_cases ((data->'origin'->>'recordId')) WHERE status IN ('pending', 'open')`,
    `ALTER TABLE document_register ADD COLUMN source_id uuid`,
    `ALTER TABLE document_register DROP CONSTRAINT document_register_inspection_id_kind_key`,
    `CREATE UNIQUE INDEX document_register_inspection_kind ON document_register (inspection_id, kind)
       WHERE source_id IS NULL`,
    `CREATE UNIQUE INDEX document_register_source_kind ON document_register (source_id, kind)
       WHERE source_id IS NOT NULL`,
  ],
};
