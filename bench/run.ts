// `npm run bench`: builds the bench pages, runs every benchmark (or `--only sync|local|import`) and
// prints each figure beside its anchor measured in the same run, the ratio and PASS/MISS per
// target, then a summary table; the summary also goes to a JSON file in the temp directory. A
// missed target is a result, not a failure: the process exits non-zero only on errors.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildBenchPages } from './browser/build-pages';
import { readConfig } from './config';
import { runImportBenchmark } from './enterprise-import';
import { runLocalBenchmarks } from './local';
import { serveStatic } from './servers/static-server';
import { cleanupAll, cleanupMark } from './support/cleanup';
import { printSummary, record, writeSummaryJson } from './support/report';
import { runPullBenchmark } from './sync-pull';
import { runPushBenchmark } from './sync-push';
import { setUpSyncRig } from './sync-setup';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The app's push exists once the client module and the server route do. */
function appPushAvailable(): boolean {
  try {
    const client = readFileSync(`${repoRoot}renderer/src/sync/push.ts`, 'utf8');
    const routes = readFileSync(`${repoRoot}server/src/routes/sync.ts`, 'utf8');
    return client.includes('export async function pushOutbox') && routes.includes("'/sync/push'");
  } catch {
    return false;
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const config = readConfig(process.argv.slice(2), process.env);
  const runStarted = performance.now();
  const loadBefore = load();
  console.log(
    `Field Inspector benchmarks: scale ${config.scale}${config.only ? `, only ${config.only}` : ''}; ${cpus().length} CPUs, load average ${loadBefore}`,
  );
  // The import benchmark runs in this process: it needs no pages.
  const needsPages = config.only !== 'import';
  const pagesUrl = needsPages ? await serveStatic(await buildBenchPages()) : '';

  if (config.only === null || config.only === 'sync') {
    const onPostgres = config.database === 'postgres';
    console.log(
      `\nSync (issue 4), HQ server on ${onPostgres ? 'PostgreSQL (FI_BENCH_DATABASE=postgres)' : 'the embedded database (PGlite), as npm start runs it'}`,
    );
    const mark = cleanupMark();
    const rig = await setUpSyncRig(config, repoRoot, pagesUrl);
    await runPullBenchmark(rig);
    await runPushBenchmark(rig, config, appPushAvailable());
    const peak = rig.hqRss.peak();
    record({
      // On PostgreSQL, the Node process alone: the database's own processes are not counted.
      benchmark: onPostgres ? 'HQ server (PostgreSQL)' : 'HQ server (PGlite)',
      metric: `peak RSS${onPostgres ? ' of the Node process' : ''} over the sync benchmarks (sampled every 200 ms)`,
      unit: 'MB',
      value: peak / 1e6,
      anchorName: null,
      anchor: null,
      ratio: null,
      target: '< 300 MB',
      pass: peak < 300e6,
    });
    rig.hqRss.stop();
    // The servers and browser of the sync benchmarks go before the local ones start.
    await cleanupAll(mark);
  }
  if (config.only === null || config.only === 'local') {
    console.log('\nLocal capture and query (issue 3)');
    await runLocalBenchmarks(config, pagesUrl);
  }
  if (config.only === null || config.only === 'import') {
    console.log('\nEnterprise import (issue 16), on the embedded database (PGlite)');
    await runImportBenchmark(config);
  }

  printSummary();
  const loadAfter = load();
  const seconds = (performance.now() - runStarted) / 1000;
  const path = await writeSummaryJson({
    at: new Date().toISOString(),
    scale: config.scale,
    only: config.only,
    cpus: cpus().length,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    seconds,
  });
  console.log(
    `\nRun took ${seconds.toFixed(0)} s; load average now ${loadAfter}. Summary JSON: ${path}`,
  );
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: cleaning up`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then(() => cleanupAll())
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanupAll();
    process.exit(1);
  });
