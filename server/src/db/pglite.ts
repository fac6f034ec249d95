// The embedded database: PGlite (PostgreSQL compiled to WebAssembly), persisted in a directory or
// held in memory. One process at a time may open a directory, guarded by a lock file beside it.
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';
import { acquireDirectoryLock } from './directory-lock';

// PostgreSQL's bigint arrives as a number, as the PostgreSQL adapter is configured to do, so
// that both adapters return identical rows (versions stay far below 2^53).
export const pgliteParsers = { [types.INT8]: (value: string) => Number(value) };

/**
 * PGlite's own start parameters plus a small buffer cache. The cache lives in the WebAssembly
 * heap, which never shrinks, so initdb's 128 MB default alone made the embedded server hold
 * well over 100 MB more than it needs; the files stay in the operating system's page cache, so
 * a smaller cache costs little speed. (`postgresqlconf` would replace the whole
 * postgresql.conf, hence a start parameter.)
 */
export const pgliteStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * jsonb parameters go in PostgreSQL's binary form, a version byte (1) before the JSON text: Node
 * encodes the text natively, where PGlite's text form measures each string's UTF-8 length in
 * JavaScript, character by character, which a push batch's half megabyte of JSON made costly.
 * Strings are JSON text already, as with PGlite's own serializer.
 */
export function jsonbParameter(value: unknown): Uint8Array {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const bytes = Buffer.allocUnsafe(1 + Buffer.byteLength(text));
  bytes[0] = 1;
  bytes.write(text, 1);
  return bytes;
}

const pgliteOptions = {
  parsers: pgliteParsers,
  // PGlite's types say a serializer returns text, but its protocol writer sends a byte array as
  // a binary parameter; pglite.test.ts checks that jsonb still arrives intact.
  serializers: { [types.JSONB]: jsonbParameter as unknown as (value: unknown) => string },
  startParams: pgliteStartParams,
};

function wrap(pg: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await pg.query<T>(sql, params as unknown[]);
      return result.rows;
    },
  };
}

/** The storage interface over an open PGlite instance. */
export function pgliteDatabase(pg: PGlite, onClose: () => void = () => undefined): Database {
  return {
    kind: 'pglite',
    query: wrap(pg).query,
    // PGlite serialises transactions behind its own mutex: queries outside wait for the commit.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      onClose();
    },
  };
}

/** Opens (creating if needed) the embedded database in `dir`. */
export async function openPgliteDirectory(dir: string): Promise<Database> {
  const lock = acquireDirectoryLock(dir);
  try {
    const pg = await PGlite.create(dir, pgliteOptions);
    return pgliteDatabase(pg, lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A throwaway in-memory database, optionally restored from a PGlite `dumpDataDir()`. */
export async function openPgliteMemory(dump?: File | Blob): Promise<Database> {
  const pg = await PGlite.create(dump ? { ...pgliteOptions, loadDataDir: dump } : pgliteOptions);
  return pgliteDatabase(pg);
}
