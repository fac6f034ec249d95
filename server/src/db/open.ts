// Chooses the database from the configuration: PostgreSQL when DATABASE_URL is set, otherwise
// the embedded database under the data directory.
import { join } from 'node:path';
import type { Database } from './database';
import { openPgliteDirectory } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseConfig {
  databaseUrl: string | undefined;
  dataDir: string;
}

export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPgliteDirectory(embeddedDatabaseDir(config.dataDir));
}

/** Where the database lives, for log lines (a PostgreSQL URL without its password). */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.databaseUrl) return embeddedDatabaseDir(config.dataDir);
  try {
    const url = new URL(config.databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'PostgreSQL';
  }
}
