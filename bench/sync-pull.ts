// Issue 4's pull benchmark: the first full pull of every hazard into an empty client, the app's
// pull (pages applied with their cursor) against PouchDB's replicate.from, in the same Chromium.
import { BENCH_PASSWORD, BENCH_USERNAME } from './data/records';
import { callPage } from './browser/chromium';
import { PULL_DB } from './sync-setup';
import type { SyncRig } from './sync-setup';
import { record } from './support/report';

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

const MB = 1_000_000;

export async function runPullBenchmark(rig: SyncRig): Promise<void> {
  const hazards = rig.pullFindings.length;
  const records = [rig.people.agency, rig.people.inspector, ...rig.enterprises, ...rig.inspections];
  const payload =
    [...records, ...rig.pullFindings].reduce((sum, r) => sum + JSON.stringify(r).length, 0) / MB;

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

  const fiRate = hazards / (fi.ms / 1000);
  const pouchRate = hazards / (pouch.ms / 1000);
  const ratio = fiRate / pouchRate;
  const name = `sync pull (${hazards.toLocaleString('en')} hazards, first full pull)`;
  record({
    benchmark: name,
    metric: 'hazards/s',
    unit: '/s',
    value: fiRate,
    anchorName: 'PouchDB replicate.from',
    anchor: pouchRate,
    ratio,
    target: '≥ 3× PouchDB',
    pass: ratio >= 3,
    note: `app ${(fi.ms / 1000).toFixed(1)} s in ${fi.pages} pages, of which ${(fi.serverWait.ms / 1000).toFixed(1)} s waiting on the server; PouchDB ${(pouch.ms / 1000).toFixed(1)} s`,
  });
  record({
    benchmark: name,
    metric: 'MB/s (record JSON)',
    unit: 'MB/s',
    value: payload / (fi.ms / 1000),
    anchorName: 'PouchDB replicate.from',
    anchor: payload / (pouch.ms / 1000),
    ratio,
    target: null,
    pass: null,
  });
  record({
    benchmark: name,
    metric: 'HQ server peak RSS during pull',
    unit: 'MB',
    value: serverPeak / MB,
    anchorName: null,
    anchor: null,
    ratio: null,
    target: '< 300 MB',
    pass: serverPeak < 300 * MB,
  });
}
