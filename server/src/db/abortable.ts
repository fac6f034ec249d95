// A database handle the process can stop while requests still use it. After abort(), every
// statement fails, and a transaction still open rolls back instead of committing, so that a
// shutdown that cuts a request in the middle of a push batch leaves none of the batch behind.
import type { Database, Queryable } from './database';

export class DatabaseStoppedError extends Error {
  constructor() {
    super('The server is stopping: the database takes no more statements.');
    this.name = 'DatabaseStoppedError';
  }
}

export interface AbortableDatabase extends Database {
  /** From now on statements fail and open transactions roll back. */
  abort(): void;
  /** Resolves once no transaction is open. */
  settled(): Promise<void>;
}

export function abortableDatabase(db: Database): AbortableDatabase {
  let aborted = false;
  let open = 0;
  const wake: (() => void)[] = [];

  const check = () => {
    if (aborted) throw new DatabaseStoppedError();
  };
  const guarded = (target: Queryable): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      check();
      return target.query<T>(sql, params);
    },
  });

  return {
    kind: db.kind,
    query: guarded(db).query,
    async transaction(fn) {
      check();
      open++;
      try {
        return await db.transaction(async (tx) => {
          const result = await fn(guarded(tx));
          // Stopped while the work ran: throwing here makes the adapter roll back, not commit.
          check();
          return result;
        });
      } finally {
        open--;
        if (open === 0) for (const resolve of wake.splice(0)) resolve();
      }
    },
    close: () => db.close(),
    abort() {
      aborted = true;
    },
    settled() {
      if (open === 0) return Promise.resolve();
      return new Promise((resolve) => {
        wake.push(resolve);
      });
    },
  };
}
