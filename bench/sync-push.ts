// Issue 4's push benchmark: hazards and photos written on the client with their outbox rows,
// then timed from the start of the sync's blob upload until the outbox is empty; the anchor is
// PouchDB replicating the same documents with the photos as attachments to pouchdb-server.
import { callPage, withPageProfile } from './browser/chromium';
import type { BenchConfig } from './config';
import { inspectionKeys } from './data/records';
import { measureCpu } from './support/cpu-time';
import type { SyncRig } from './sync-setup';
import { docCount } from './servers/pouch-server';
import { recordPending } from './support/report';
import { recordSyncRun } from './sync-figures';

export const PUSH_SEED = 41;
const PUSH_DB = 'bench-push';

interface Prepared {
  pending: number;
  photos: number;
  payloadBytes: number;
}

interface FiPush {
  ms: number;
  serverWait: { ms: number; requests: number };
  /** When the last photo was uploaded (the push runs beside), and the requests' wait until then. */
  blobPhase: { ms: number; serverWaitMs: number };
  timeline: { path: string; requests: number; meanMs: number; firstMs: number; lastMs: number }[];
  blobsUploaded: number;
  pushed: { applied: number; duplicate: number; conflict: number; rejected: number };
  outboxLeft: number;
  rejectedReasons: string[];
}

interface PouchPush {
  ms: number;
  docsWritten: number;
  ok: boolean;
}

async function runPouchPush(rig: SyncRig, spec: object, hazards: number) {
  await callPage(rig.pouchPage, 'pouchBench', 'preparePush', spec);
  const pouch = await callPage<PouchPush>(
    rig.pouchPage,
    'pouchBench',
    'runPush',
    `${rig.pouchUrl}/${PUSH_DB}`,
  );
  const remote = await docCount(rig.pouchUrl, PUSH_DB);
  if (!pouch.ok || remote !== hazards) {
    throw new Error(`PouchDB pushed ${remote} of ${hazards} documents`);
  }
  return pouch;
}

export async function runPushBenchmark(
  rig: SyncRig,
  config: BenchConfig,
  pushAvailable: boolean,
): Promise<void> {
  const { hazards, photos } = config.push;
  const spec = { keys: inspectionKeys(rig.inspections), hazards, photos, seed: PUSH_SEED };
  const name = `sync push (${hazards.toLocaleString('en')} hazards, ${photos.toLocaleString('en')} photos)`;

  const pouch = await runPouchPush(rig, spec, hazards);
  const pouchRate = hazards / (pouch.ms / 1000);
  if (!pushAvailable) {
    recordPending(
      name,
      `the app's push is not there yet; PouchDB anchor ${pouchRate.toFixed(0)} hazards/s in ${(pouch.ms / 1000).toFixed(1)} s`,
    );
    return;
  }

  const prepared = await callPage<Prepared>(rig.fiPage, 'fiBench', 'preparePush', spec);
  if (prepared.pending !== hazards) {
    throw new Error(`the outbox holds ${prepared.pending} rows, expected ${hazards}`);
  }
  rig.hqRss.mark();
  const cpuUse = measureCpu(rig.hqPid);
  const fi = await withPageProfile(rig.fiPage, 'push', () =>
    callPage<FiPush>(rig.fiPage, 'fiBench', 'runPush'),
  );
  const serverPeak = rig.hqRss.mark();
  const cpu = cpuUse();
  if (fi.outboxLeft !== 0 || fi.pushed.applied !== hazards || fi.blobsUploaded !== photos) {
    throw new Error(`the app's push did not complete: ${JSON.stringify(fi)}`);
  }

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `    processor time during the push: HQ server ${cpu.serverSeconds.toFixed(1)} s, Chromium ${cpu.browserSeconds.toFixed(1)} s, in ${cpu.wallSeconds.toFixed(1)} s`,
  );
  for (const t of fi.timeline) {
    console.log(
      `    ${t.path}: ${t.requests} requests of ${t.meanMs.toFixed(0)} ms on average, from ${seconds(t.firstMs)} to ${seconds(t.lastMs)}`,
    );
  }
  recordSyncRun({
    benchmark: name,
    direction: 'push',
    anchorName: 'PouchDB replicate.to',
    hazards,
    ms: fi.ms,
    anchorMs: pouch.ms,
    payloadMetric: 'MB/s (record JSON + photo bytes)',
    payloadBytes: prepared.payloadBytes,
    serverPeakBytes: serverPeak,
    note: `app ${(fi.ms / 1000).toFixed(1)} s, the last photo uploaded at ${(fi.blobPhase.ms / 1000).toFixed(1)} s; requests waited ${(fi.serverWait.ms / 1000).toFixed(1)} s in all (${fi.serverWait.requests} requests, up to 5 at once); PouchDB ${(pouch.ms / 1000).toFixed(1)} s`,
  });
}
