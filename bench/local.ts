// Issue 3's local capture and query benchmark, in Chromium with real IndexedDB: filtering the
// hazard list, opening an enterprise file and saving a hazard with two camera-sized photos, each
// through the app's modules and against a plain anchor, with the p95 targets.
import type { Page } from 'playwright-core';
import { towns } from '../domain/data/towns';
import { callPage, launchBrowser, openBenchPage } from './browser/chromium';
import type { BenchConfig } from './config';
import { hazardTitles } from './data/records';
import { createRng, pick } from './data/rng';
import { record } from './support/report';
import { summarize } from './support/stats';

interface FindingFilter {
  status: 'open' | 'rectified' | 'closed' | null;
  grade: 'general' | 'major' | null;
  town: string | null;
  text: string;
}

/** Random filters as a person would set them: some fields set, some text typed. */
function randomFilters(count: number): FindingFilter[] {
  const rng = createRng(55);
  const texts = ['', '', '', ...hazardTitles.map((t) => t.slice(0, 4)), '化工', '报警'];
  return Array.from({ length: count }, () => ({
    status: pick(rng, [null, 'open', 'rectified', 'closed'] as const),
    grade: pick(rng, [null, null, 'general', 'major'] as const),
    town: rng() < 0.5 ? null : pick(rng, towns).code,
    text: pick(rng, texts),
  }));
}

function latency(
  benchmark: string,
  app: number[],
  anchorName: string,
  anchor: number[],
  targetMs: number,
  extra = '',
): void {
  const a = summarize(app);
  const b = summarize(anchor);
  const note = `app p50 ${a.p50.toFixed(1)} ms (n=${a.n})${extra}; ${anchorName} p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms (n=${b.n})`;
  record({
    benchmark,
    metric: 'p95 latency',
    unit: 'ms',
    value: a.p95,
    anchorName,
    anchor: b.p95,
    ratio: b.p95 / a.p95,
    target: `p95 < ${targetMs} ms`,
    pass: a.p95 < targetMs,
    note,
  });
}

const call = <T>(page: Page, method: string, ...args: unknown[]) =>
  callPage<T>(page, 'fiBench', method, ...args);

export async function runLocalBenchmarks(config: BenchConfig, pagesUrl: string): Promise<void> {
  const { hazards, enterprises } = config.local;
  const context = await launchBrowser();
  const page = await openBenchPage(context, pagesUrl, 'fi');
  const started = performance.now();
  const setup = await call<{ findings: number; enterpriseIds: string[] }>(
    page,
    'setupLocal',
    enterprises,
    hazards,
  );
  console.log(
    `  wrote ${setup.findings} hazards across ${enterprises} enterprises in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`,
  );
  const scale = `${hazards.toLocaleString('en')} hazards`;
  // Series stop early once they have run this long (with at least a few samples).
  const budgetMs = 45_000;

  const filters = randomFilters(config.local.filterQueries);
  await call(page, 'runFilters', filters.slice(0, 3), false, budgetMs);
  await call(page, 'runFilters', filters.slice(0, 3), true, budgetMs);
  const appFilter = await call<number[]>(page, 'runFilters', filters, false, budgetMs);
  const naiveFilter = await call<number[]>(page, 'runFilters', filters, true, budgetMs);
  latency(
    `hazard list filter (${scale})`,
    appFilter,
    'full scan toArray + JS filter',
    naiveFilter,
    50,
  );

  // The list open on screen while a hazard is saved: the index is built, then kept up to date.
  const appUpdate = await call<number[]>(page, 'runIndexUpdates', config.local.indexUpdates);
  const fullRebuild = await call<number[]>(page, 'runIndexRebuilds', 3);
  latency(
    `hazard list shows a saved edit (${scale})`,
    appUpdate,
    'full index rebuild',
    fullRebuild,
    100,
  );

  const rng = createRng(66);
  const ids = Array.from({ length: config.local.opens }, () => pick(rng, setup.enterpriseIds));
  const appOpen = await call<number[]>(page, 'runOpens', ids, false, budgetMs);
  const naiveOpen = await call<number[]>(page, 'runOpens', ids, true, budgetMs);
  latency(`open enterprise file (${scale})`, appOpen, 'full-table scans', naiveOpen, 100);

  const sizes = await call<number[]>(page, 'preparePhotos', config.local.photoBytes);
  await call(page, 'runSaves', 1);
  const appSave = await call<{ samples: number[]; photoMs: number[] }>(
    page,
    'runSaves',
    config.local.saves,
  );
  const bareSave = await call<number[]>(page, 'runBareSaves', config.local.saves);
  const mb = sizes.map((s) => (s / 1e6).toFixed(1)).join(' + ');
  const photoP50 = summarize(appSave.photoMs).p50;
  latency(
    `save hazard with two photos (${mb} MB JPEGs)`,
    appSave.samples,
    'bare IndexedDB put',
    bareSave,
    300,
    `, of which processPhoto of both p50 ${photoP50.toFixed(1)} ms`,
  );
}
