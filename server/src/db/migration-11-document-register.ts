// Migration 11: the document register (文书登记). One counter row per agency, document kind and
// year, locked while a number is taken, so that numbers are gapless (a PostgreSQL sequence is
// not: a rolled-back transaction loses the values it took); and the register of every number
// given, which the database itself holds to one number per document and one document per number.
// Rows are only ever inserted (counters only ever count up).
export const documentRegisterMigration = {
  version: 11,
  name: 'document_counters and document_register: official document numbers',
  sql: [
    `CREATE TABLE document_counters (
       agency_id uuid NOT NULL,
       kind text NOT NULL,
       year integer NOT NULL,
       last_sequence integer NOT NULL CHECK (last_sequence >= 0),
       PRIMARY KEY (agency_id, kind, year)
     )`,
    `CREATE TABLE document_register (
       agency_id uuid NOT NULL,
       kind text NOT NULL,
       year integer NOT NULL,
       sequence integer NOT NULL CHECK (sequence > 0),
       number text NOT NULL,
       document_id uuid NOT NULL UNIQUE,
       inspection_id uuid NOT NULL,
       issued_on date NOT NULL,
       registered_at timestamptz NOT NULL,
       PRIMARY KEY (agency_id, kind, year, sequence),
       UNIQUE (inspection_id, kind)
     )`,
    `CREATE INDEX document_register_issued_on ON document_register (issued_on)`,
  ],
};
