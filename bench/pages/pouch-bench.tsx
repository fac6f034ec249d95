// Entry of the anchor's page: PouchDB (pouchdb-browser, IndexedDB adapter) holding the same
// hazards and photos as the app's page, replicating to and from pouchdb-server.
import PouchDB from 'pouchdb-browser';
import { buildPushData } from './bench-data';
import type { PushDataset } from './bench-data';

const PUSH_DB = 'bench-push';
const PULL_DB = 'bench-pull';
const BULK = 500;

async function fresh(name: string): Promise<PouchDB> {
  await new PouchDB(name).destroy();
  return new PouchDB(name);
}

/** The same hazards as the app's page; a hazard's photo is its attachment. */
async function preparePush(spec: PushDataset) {
  const db = await fresh(PUSH_DB);
  const data = await buildPushData(spec);
  const photoOf = new Map(data.photos.map((p, k) => [data.photoOwner(k), p]));
  const docs = data.findings.map((finding, i) => {
    const photo = photoOf.get(i);
    return {
      _id: finding.id,
      type: 'finding',
      ...finding,
      ...(photo
        ? {
            _attachments: {
              [photo.sha256]: {
                content_type: 'image/jpeg',
                data: new Blob([photo.bytes], { type: 'image/jpeg' }),
              },
            },
          }
        : {}),
    };
  });
  for (let i = 0; i < docs.length; i += BULK) await db.bulkDocs(docs.slice(i, i + BULK));
  const info = await db.info();
  await db.close();
  return { docs: info.doc_count, photos: data.photos.length };
}

/** Timed: replicate everything to the server. */
async function runPush(remoteUrl: string) {
  const db = new PouchDB(PUSH_DB);
  const started = performance.now();
  const result = await db.replicate.to(remoteUrl);
  const ms = performance.now() - started;
  await db.close();
  return { ms, docsWritten: result.docs_written, ok: result.ok };
}

/** Timed: replicate everything from the server into an empty database. */
async function runPull(remoteUrl: string) {
  const db = await fresh(PULL_DB);
  const started = performance.now();
  const result = await db.replicate.from(remoteUrl);
  const ms = performance.now() - started;
  const info = await db.info();
  await db.destroy();
  return { ms, docsWritten: result.docs_written, docs: info.doc_count };
}

const api = { preparePush, runPush, runPull };
export type PouchBenchApi = typeof api;

(window as unknown as { pouchBench: PouchBenchApi }).pouchBench = api;
document.title = 'pouch-bench ready';
