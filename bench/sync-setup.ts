// What both sync benchmarks share: the records (generated once), the HQ server filled with them
// and sampled for memory, pouchdb-server holding the same records, and the two bench pages in one
// Chromium.
import type { Page } from 'playwright-core';
import type { Enterprise } from '../domain/schemas/enterprise';
import type { Finding } from '../domain/schemas/finding';
import type { Inspection } from '../domain/schemas/inspection';
import { launchBrowser, openBenchPage } from './browser/chromium';
import type { BenchConfig } from './config';
import type { BenchPeople } from './data/records';
import { syncDataset } from './data/sync-dataset';
import type { HqStore } from './servers/hq-server';
import { seedHqInChild, startHqServer } from './servers/hq-server';
import { throwawayPostgres } from './servers/postgres';
import { docCount, loadDocs, startPouchServer } from './servers/pouch-server';
import { tempDir } from './support/cleanup';
import { readRssBytes, sampleRss } from './support/rss-sampler';
import type { RssSampler } from './support/rss-sampler';

export const PULL_DB = 'bench-pull';

export interface SyncRig {
  people: BenchPeople;
  enterprises: Enterprise[];
  inspections: Inspection[];
  pullFindings: Finding[];
  hqUrl: string;
  hqPid: number;
  hqRss: RssSampler;
  pouchUrl: string;
  fiPage: Page;
  pouchPage: Page;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export function asPouchDoc(entity: string, record: { id: string }): object {
  return { _id: record.id, type: entity, ...record };
}

export async function setUpSyncRig(
  config: BenchConfig,
  repoRoot: string,
  pagesUrl: string,
): Promise<SyncRig> {
  const spec = { enterprises: config.pull.enterprises, hazards: config.pull.hazards };
  const { people, enterprises, inspections, findings: pullFindings } = syncDataset(spec);

  // The two servers fill up side by side (neither is timed).
  const started = performance.now();
  const store: HqStore = { dataDir: await tempDir('hq-data') };
  if (config.database === 'postgres') store.databaseUrl = await throwawayPostgres();
  const [, pouch] = await Promise.all([
    seedHqInChild(repoRoot, store, spec).then(() =>
      console.log(
        `  seeded the HQ database with ${pullFindings.length} hazards in ${seconds(started)}`,
      ),
    ),
    startPouchServer().then(async (server) => {
      await loadDocs(server.url, PULL_DB, [
        asPouchDoc('agency', people.agency),
        asPouchDoc('user', people.inspector),
        ...enterprises.map((e) => asPouchDoc('enterprise', e)),
        ...inspections.map((i) => asPouchDoc('inspection', i)),
        ...pullFindings.map((f) => asPouchDoc('finding', f)),
      ]);
      const loaded = await docCount(server.url, PULL_DB);
      console.log(`  loaded pouchdb-server with ${loaded} documents in ${seconds(started)}`);
      return server;
    }),
  ]);
  const hq = await startHqServer(repoRoot, store);
  const hqRss = sampleRss(hq.child.pid);
  const idle = readRssBytes(hq.child.pid) ?? 0;
  console.log(`  HQ server started; RSS before any request ${(idle / 1e6).toFixed(0)} MB`);

  const context = await launchBrowser();
  const fiPage = await openBenchPage(context, pagesUrl, 'fi');
  const pouchPage = await openBenchPage(context, pagesUrl, 'pouch');
  return {
    people,
    enterprises,
    inspections,
    pullFindings,
    hqUrl: hq.url,
    hqPid: hq.child.pid,
    hqRss,
    pouchUrl: pouch.url,
    fiPage,
    pouchPage,
  };
}
