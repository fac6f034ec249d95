// Stopping the server within a bound: no new connections, kept-alive connections closed as soon
// as they are idle, requests under way given until shortly before the bound to finish, and then
// whatever is still open cut and its transactions rolled back, and the database closed. A push
// batch is one transaction, so it is stored whole (answered before the cut) or not at all.
import type { FastifyInstance } from 'fastify';
import type { AbortableDatabase } from './db/abortable';

export interface ShutdownReport {
  /** Connections still open when the bound came, cut. */
  cut: number;
  /** False when the database did not close within the bound (the process exits anyway). */
  databaseClosed: boolean;
}

/** Resolves true if `promise` settles within `ms`, false otherwise (never rejects). */
function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, ms));
    promise.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}

function openConnections(app: FastifyInstance): Promise<number> {
  return new Promise((resolve) => {
    app.server.getConnections((error, count) => resolve(error ? 0 : count));
  });
}

/**
 * Closes `app` and `db` within `timeoutMs`. The last part of the bound (a second at most, half
 * of it when shorter) is kept for rolling back and closing the database.
 */
export async function shutDown(
  app: FastifyInstance,
  db: AbortableDatabase,
  timeoutMs: number,
): Promise<ShutdownReport> {
  const deadline = Date.now() + timeoutMs;
  const reserve = Math.min(1000, timeoutMs / 2);
  const closed = app.close();
  // A connection whose request is answered becomes idle: close it then, not at its keep-alive
  // timeout (Node closes only the connections idle when the server begins to close).
  const reaper = setInterval(() => app.server.closeIdleConnections(), 50);
  let cut = 0;
  try {
    if (!(await settlesWithin(closed, deadline - reserve - Date.now()))) {
      cut = await openConnections(app);
      app.server.closeAllConnections();
    }
  } finally {
    clearInterval(reaper);
  }
  // A request whose connection was cut (here, or earlier by a timeout) may still hold a
  // transaction: it rolls back at its next statement. One that never returns is abandoned when
  // the process exits, and the database discards it as after a crash.
  db.abort();
  await settlesWithin(closed, deadline - Date.now());
  let databaseClosed = false;
  if (await settlesWithin(db.settled(), deadline - Date.now())) {
    const closing = db.close().then(() => {
      databaseClosed = true;
    });
    await settlesWithin(closing, deadline - Date.now());
  }
  return { cut, databaseClosed };
}
