// Issue 4's pull benchmark: the first full pull of every hazard into an empty client, the app's
// pull (pages applied with their cursor) against PouchDB's replicate.from, in the same Chromium.
import { BENCH_PASSWORD, BENCH_USERNAME } from './data/records';
import { callPage } from './browser/chromium';
import { PULL_DB } from './sync-setup';
import type { SyncRig } from './sync-setup';
import { recordSyncRun } from './sync-figures';

interface FiPull {
  ms: number;
  serverWait: { ms: number; requests: number };
  pages: number;
  applied: number;
  findings: number;
}

interface PouchPull {
  ms: number;
  docsWritten: number;
  docs: number;
}

export async function runPullBenchmark(rig: SyncRig): Promise<void> {
  const hazards = rig.pullFindings.length;
  const records = [rig.people.agency, rig.people.inspector, ...rig.enterprises, ...rig.inspections];
  const payloadBytes = [...records, ...rig.pullFindings].reduce(
    (sum, r) => sum + JSON.stringify(r).length,
    0,
  );

  await callPage(rig.fiPage, 'fiBench', 'signIn', rig.hqUrl, BENCH_USERNAME, BENCH_PASSWORD);
  rig.hqRss.mark();
  const fi = await callPage<FiPull>(rig.fiPage, 'fiBench', 'runPull');
  const serverPeak = rig.hqRss.mark();
  if (fi.findings !== hazards) {
    throw new Error(`the app pulled ${fi.findings} hazards, expected ${hazards}`);
  }
  const pouch = await callPage<PouchPull>(
    rig.pouchPage,
    'pouchBench',
    'runPull',
    `${rig.pouchUrl}/${PULL_DB}`,
  );
  if (pouch.docs !== hazards + records.length) {
    throw new Error(`PouchDB pulled ${pouch.docs} documents, expected ${hazards + records.length}`);
  }

  recordSyncRun({
    benchmark: `sync pull (${hazards.toLocaleString('en')} hazards, first full pull)`,
    direction: 'pull',
    anchorName: 'PouchDB replicate.from',
    hazards,
    ms: fi.ms,
    anchorMs: pouch.ms,
    payloadMetric: 'MB/s (record JSON)',
    payloadBytes,
    serverPeakBytes: serverPeak,
    note: `app ${(fi.ms / 1000).toFixed(1)} s in ${fi.pages} pages, of which ${(fi.serverWait.ms / 1000).toFixed(1)} s waiting on the server; PouchDB ${(pouch.ms / 1000).toFixed(1)} s`,
  });
}
