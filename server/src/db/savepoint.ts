// Savepoints inside an open transaction: both adapters run every statement of a transaction on
// one connection, so plain SAVEPOINT statements work alike on PGlite and PostgreSQL.
import type { Queryable } from './database';

/**
 * Runs `fn` inside a savepoint of `tx`: kept if it resolves; if it throws (a statement the
 * database refused, which leaves the transaction unusable until then), everything it did is
 * rolled back and the transaction goes on as before it. `name` must be a plain identifier.
 */
export async function withSavepoint<T>(
  tx: Queryable,
  name: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a savepoint name: ${name}`);
  await tx.query(`SAVEPOINT ${name}`);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
    await tx.query(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
  await tx.query(`RELEASE SAVEPOINT ${name}`);
  return result;
}
