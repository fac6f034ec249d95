// Migration 7: a history row says when its change was a conflict's resolution. Restoring a
// conflict's overwritten value is a change made on the server, by the supervisor who chose it; the
// row names the conflict it settled (null for every other change).
export const historyConflictMigration = {
  version: 7,
  name: 'history: the conflict a change resolved',
  sql: [`ALTER TABLE history ADD COLUMN conflict_id uuid`],
};
