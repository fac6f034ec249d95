// The HQ server process: reads configuration from the environment, opens and migrates the
// database, optionally seeds the demo district, serves, and on a signal stops within a bound
// (shutdown.ts).
import { buildApp } from './app';
import { startBlobCollector } from './blobs/blob-gc';
import { configuredBlobStore } from './blobs/blob-store';
import { readConfig } from './config';
import { abortableDatabase } from './db/abortable';
import { DatabaseBusyError } from './db/directory-lock';
import { migrate } from './db/migrations';
import { describeDatabase, openDatabase } from './db/open';
import { formatDemoAccounts, seedDemoDistrict } from './seed/seed-demo';
import { ensureBuiltInTemplates } from './statutory/built-in-templates';
import { shutDown } from './shutdown';

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  let db = await openDatabase(config);
  try {
    let prepared = (await migrate(db)) > 0;
    if (config.demo) {
      const seed = await seedDemoDistrict(db, new Date());
      console.log(
        seed.seeded
          ? 'Filled the empty database with the demo district.'
          : 'The database already holds data, so nothing was added to it.',
      );
      if (seed.accounts.length > 0) console.log(formatDemoAccounts(seed.accounts));
      prepared ||= seed.seeded;
    }
    // Statutory content ships with every installation, demo or not; a release with new content
    // publishes it as a new version.
    const statutory = await ensureBuiltInTemplates(db, new Date());
    if (statutory > 0) console.log(`Wrote ${statutory} built-in checklist(s) of this release.`);
    prepared ||= statutory > 0;
    if (prepared && db.kind === 'pglite') {
      // PGlite's WebAssembly memory never shrinks: creating the cluster, migrating and seeding
      // leave it several hundred MB larger than serving needs. A fresh instance on the now
      // ready directory starts small.
      await db.close();
      db = await openDatabase(config);
    }
    // With the embedded database, blobs are files under the data directory.
    const blobs = configuredBlobStore(db.kind, config.dataDir);
    const serving = abortableDatabase(db);
    const app = await buildApp({
      db: serving,
      blobs,
      hooks: testHooks(),
      logger: { level: process.env.LOG_LEVEL ?? 'warn' },
      sessionLimits: config.sessionLimits,
      trustProxy: config.trustProxy,
      http: config.http,
      uploadQuotaBytes: config.uploadQuotaBytes,
    });
    const collector = startBlobCollector({
      db: serving,
      store: blobs,
      clock: () => new Date(),
      graceMs: config.unusedBlobGraceMs,
      report: (message, error) => (error ? console.error(message, error) : console.log(message)),
    });
    const address = await app.listen({ host: config.host, port: config.port });
    const ms = Math.round(performance.now() - started);
    console.log(
      `Field Inspector HQ server listening on ${address} (database: ${db.kind}, ${describeDatabase(config)}; ready in ${ms} ms)`,
    );

    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) {
        // Asked twice (Ctrl-C again): stop now; the database discards what was not committed.
        console.log(`${signal} received again: exiting at once.`);
        process.exit(1);
      }
      closing = true;
      const seconds = config.shutdownTimeoutMs / 1000;
      console.log(`${signal} received: closing within ${seconds} s.`);
      // The collector stops at once; a collection under way runs on `serving`, so the bound
      // cuts it as it cuts a push.
      void collector.stop().catch(() => undefined);
      shutDown(app, serving, config.shutdownTimeoutMs).then(
        ({ cut, databaseClosed }) => {
          if (cut > 0) console.log(`Cut ${cut} connection(s) still open after ${seconds} s.`);
          if (!databaseClosed) {
            console.log(
              'The database did not close in time: what it had not committed is dropped.',
            );
          }
          console.log('Stopped.');
          process.exit(0);
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * TEST ONLY: FI_TEST_PUSH_DELAY_MS holds every push transaction open that long after its writes,
 * announcing it on stdout, so that a fault test can kill the process in the middle of a batch.
 * Read here and nowhere else; never set it in production.
 */
function testHooks() {
  const delay = Number(process.env.FI_TEST_PUSH_DELAY_MS ?? 0);
  if (!(delay > 0)) return undefined;
  console.log(`TEST ONLY: push transactions wait ${delay} ms before committing.`);
  return {
    beforePushCommit: async () => {
      console.log('test hook: push batch written, not committed');
      await new Promise((resolve) => setTimeout(resolve, delay));
    },
  };
}

function explain(error: unknown): unknown {
  if (error instanceof DatabaseBusyError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const { host, port } = readConfig();
    return `Cannot listen on ${host}:${port} (${code}): another program uses that port, or set PORT to another one.`;
  }
  return error;
}

main().catch((error: unknown) => {
  console.error(explain(error));
  process.exit(1);
});
