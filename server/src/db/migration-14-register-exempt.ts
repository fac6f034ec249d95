// Migration 14: the inspections whose documents the register does not number. A submitted
// inspection that has no register entry when this runs reached the server before the register
// existed (migration 11; since then every submission is numbered in its own transaction): its
// record, order or opinion was printed and served with its provisional number, and keeps it. Any
// later write that touches it (a review, a hazard's report, a receipt) would otherwise number its
// documents then, out of the order they were issued in and perhaps in a past year's register;
// docs/ARCHITECTURE.md ("Documents issued before the register") gives the reasons.
export const REGISTER_EXEMPT_BACKFILL = `INSERT INTO register_exempt (inspection_id, reason)
  SELECT r.id, 'issued before the document register' FROM records r
  WHERE r.entity = 'inspection' AND r.data->>'status' = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM document_register d WHERE d.inspection_id = r.id)
  ON CONFLICT DO NOTHING`;

export const registerExemptMigration = {
  version: 14,
  name: 'register_exempt: documents issued before the register keep their provisional numbers',
  sql: [
    `CREATE TABLE register_exempt (
       inspection_id uuid PRIMARY KEY,
       reason text NOT NULL
     )`,
    REGISTER_EXEMPT_BACKFILL,
  ],
};
