// Migration 4: a record's field maps stay empty until its first change after creation. A new
// record used to store the version and device of each of its fields, all the same: written for
// every hazard a push creates, they were twice the size of the hazard itself. It now stores the
// version and device of its creation once; the first change fills the maps and clears these
// (a row with them set has changed no field since it was created). Rows written before keep
// their filled maps and have neither.
export const recordOriginMigration = {
  version: 4,
  name: 'records: version and device of creation, in place of uniform field maps',
  sql: [
    `ALTER TABLE records ADD COLUMN created_version bigint`,
    `ALTER TABLE records ADD COLUMN created_device uuid`,
  ],
};
