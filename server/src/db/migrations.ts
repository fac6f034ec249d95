// The database schema, as append-only numbered migrations. A shipped migration is never edited:
// change the schema by adding the next one. Each runs in its own transaction, recorded in
// schema_migrations; an advisory lock keeps several server processes from racing on startup.
import type { Database, Queryable } from './database';
import { syncWritePathMigration } from './migration-2-sync';
import { scopeExitsMigration } from './migration-3-scope-exits';
import { recordOriginMigration } from './migration-4-record-origin';
import { uploadsParticipantsMigration } from './migration-5-uploads-participants';
import { sessionLimitsMigration } from './migration-6-session-limits';
import { historyConflictMigration } from './migration-7-history-conflict';
import { adminActionsMigration } from './migration-8-admin-actions';
import { administrationMigration } from './migration-9-administration';
import { templateDraftsMigration } from './migration-10-template-drafts';
import { documentRegisterMigration } from './migration-11-document-register';
import { plansDrawsMigration } from './migration-12-plans-draws';
import { penaltyCasesMigration } from './migration-13-penalty-cases';
import { registerExemptMigration } from './migration-14-register-exempt';
import { riskOverridesMigration } from './migration-15-risk-overrides';
import { enterpriseUnitsMigration } from './migration-16-enterprise-units';
import { gb18218EditionsMigration } from './migration-18-gb18218-editions';

interface Migration {
  version: number;
  name: string;
  sql: readonly string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'records, sync state, credentials, sessions, login attempts',
    sql: [
      // The single global version. Every writing transaction bumps it first, so the row lock
      // serialises writers: versions become visible in order and a pull cursor never skips a row
      // committed late. The epoch changes only when a database is created, so a restored backup
      // of another database (or a recreated one) is recognised by its cursors.
      `CREATE TABLE sync_state (
         singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
         epoch text NOT NULL,
         version bigint NOT NULL
       )`,
      `INSERT INTO sync_state (singleton, epoch, version) VALUES (true, gen_random_uuid()::text, 0)`,
      // Every synced record, as its domain JSON. `town` is the record's scope (the enterprise's
      // town; null for records every signed-in user may read) so that pulls filter by index.
      `CREATE TABLE records (
         entity text NOT NULL,
         id uuid NOT NULL,
         version bigint NOT NULL,
         town text,
         data jsonb NOT NULL,
         deleted_at timestamptz,
         updated_at timestamptz NOT NULL,
         created_by uuid NOT NULL,
         PRIMARY KEY (entity, id)
       )`,
      `CREATE UNIQUE INDEX records_version ON records (version)`,
      `CREATE INDEX records_town_version ON records (town, version)`,
      `CREATE UNIQUE INDEX records_username ON records ((data->>'username')) WHERE entity = 'user'`,
      `CREATE TABLE credentials (
         user_id uuid PRIMARY KEY,
         password_hash text NOT NULL,
         updated_at timestamptz NOT NULL
       )`,
      `CREATE TABLE sessions (
         token_hash text PRIMARY KEY,
         user_id uuid NOT NULL,
         device_id uuid NOT NULL UNIQUE,
         device_name text NOT NULL,
         created_at timestamptz NOT NULL,
         last_seen_at timestamptz NOT NULL,
         revoked_at timestamptz
       )`,
      `CREATE INDEX sessions_user ON sessions (user_id)`,
      `CREATE TABLE login_attempts (
         id bigserial PRIMARY KEY,
         username text NOT NULL,
         ip text NOT NULL,
         at timestamptz NOT NULL,
         succeeded boolean NOT NULL
       )`,
      `CREATE INDEX login_attempts_username_at ON login_attempts (username, at)`,
      `CREATE INDEX login_attempts_ip_at ON login_attempts (ip, at)`,
    ],
  },
  syncWritePathMigration,
  scopeExitsMigration,
  recordOriginMigration,
  uploadsParticipantsMigration,
  sessionLimitsMigration,
  historyConflictMigration,
  adminActionsMigration,
  administrationMigration,
  templateDraftsMigration,
  documentRegisterMigration,
  plansDrawsMigration,
  penaltyCasesMigration,
  registerExemptMigration,
  riskOverridesMigration,
  enterpriseUnitsMigration,
  gb18218EditionsMigration,
];

// Any constant will do: it only has to be the same in every server process.
const MIGRATION_LOCK = 72_410_001;

async function appliedVersions(db: Queryable): Promise<Set<number>> {
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => r.version));
}

/**
 * Applies every migration not yet applied, in order; returns the schema version. `upTo` stops
 * after that version (tests of a migration build the database it starts from).
 */
export async function migrate(
  db: Database,
  now: () => Date = () => new Date(),
  upTo = Number.POSITIVE_INFINITY,
): Promise<number> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version integer PRIMARY KEY,
       name text NOT NULL,
       applied_at timestamptz NOT NULL
     )`,
  );
  for (const migration of migrations) {
    if (migration.version > upTo) break;
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      if ((await appliedVersions(tx)).has(migration.version)) return;
      for (const statement of migration.sql) await tx.query(statement);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3::timestamptz)',
        [migration.version, migration.name, now().toISOString()],
      );
    });
  }
  return schemaVersion(db);
}

/** The highest applied migration, 0 on an empty database. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return rows[0]?.version ?? 0;
}
