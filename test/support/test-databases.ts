// Fresh, migrated databases for integration tests: the same cases run against each kind.
// PGlite: in memory, restored from a migrated dump made once per test file (several times faster
// than creating one). PostgreSQL: a new database per call on the test cluster, dropped on close.
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database, DatabaseKind } from '../../server/src/db/database';
import { migrate } from '../../server/src/db/migrations';
import { openPgliteMemory, pgliteDatabase, pgliteParsers } from '../../server/src/db/pglite';
import { openPostgres } from '../../server/src/db/postgres';

export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

let migratedDump: Promise<File | Blob> | undefined;

function pgliteDump(): Promise<File | Blob> {
  migratedDump ??= (async () => {
    const pgl = await PGlite.create({ parsers: pgliteParsers });
    await migrate(pgliteDatabase(pgl));
    const dump = await pgl.dumpDataDir('none');
    await pgl.close();
    return dump;
  })();
  return migratedDump;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** For PostgreSQL, the URL of this database (to hand to a child process). */
  url?: string;
}

/** A new empty database of `kind` with every migration applied (or those up to `upTo`). */
export async function freshDatabase(kind: DatabaseKind, upTo?: number): Promise<TestDatabase> {
  if (kind === 'pglite' && upTo !== undefined) {
    const db = await openPgliteMemory();
    await migrate(db, undefined, upTo);
    return db;
  }
  if (kind === 'pglite') {
    const db = await openPgliteMemory(await pgliteDump());
    // Every copy of the dump would share its epoch; a real new database has its own.
    await db.query('UPDATE sync_state SET epoch = gen_random_uuid()::text');
    return db;
  }
  // Names are generated here, never taken from input, so building the statement is safe.
  const name = `fi_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = withDatabase(inject('postgresUrl'), name);
  const db = openPostgres(url, { max: 4 });
  await migrate(db, undefined, upTo);
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
