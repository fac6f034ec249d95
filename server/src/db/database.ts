// The storage interface every server module talks to. Two adapters implement it (embedded PGlite
// and PostgreSQL) and run exactly the same SQL: `$1` parameters only, never string-built values.

export type DatabaseKind = 'pglite' | 'postgres';

/** Something that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
