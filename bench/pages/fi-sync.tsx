// The sync benchmark on the app's side: the app's own database, outbox, blob upload, push and
// pull modules, driven against the HQ server. Only the calls marked as timed are measured.
import { Dexie } from 'dexie';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { putLocalBlob } from '../../renderer/src/db/repositories/blobs';
import { countPending, writeLocal } from '../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { pullAll } from '../../renderer/src/sync/pull';
import { uploadAndPush } from '../../renderer/src/sync/sync-cycle';
import { buildPushData } from './bench-data';
import type { PushDataset } from './bench-data';

/**
 * Time spent waiting for the server's answers (request sent until headers received): the rest of
 * a sync's time is the client's own work.
 */
const serverWait = { ms: 0, requests: 0 };

/** Each request's path (without ids), start and duration, for the push's timeline. */
interface Traced {
  path: string;
  at: number;
  ms: number;
}
let trace: Traced[] = [];

const timedFetch: typeof fetch = async (input, init) => {
  const started = performance.now();
  try {
    return await fetch(input, init);
  } finally {
    const ms = performance.now() - started;
    serverWait.ms += ms;
    serverWait.requests++;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url).pathname.replace(/[0-9a-f]{64}$/, ':sha256');
    trace.push({ path, at: started, ms });
    console.debug(`[request] ${path} at ${started.toFixed(0)} ms took ${ms.toFixed(0)} ms`);
  }
};

function resetServerWait() {
  serverWait.ms = 0;
  serverWait.requests = 0;
  trace = [];
}

/** Per kind of request: how many, their mean duration, when the first started and last ended. */
function timeline(started: number) {
  const kinds = new Map<string, { n: number; ms: number; first: number; last: number }>();
  for (const t of trace) {
    const k = kinds.get(t.path) ?? { n: 0, ms: 0, first: Infinity, last: 0 };
    k.n++;
    k.ms += t.ms;
    k.first = Math.min(k.first, t.at - started);
    k.last = Math.max(k.last, t.at + t.ms - started);
    kinds.set(t.path, k);
  }
  return [...kinds].map(([path, k]) => ({
    path,
    requests: k.n,
    meanMs: k.ms / k.n,
    firstMs: k.first,
    lastMs: k.last,
  }));
}

interface Session {
  client: ApiClient;
  userId: string;
  deviceId: string;
}

let session: Session | null = null;

export async function signIn(serverUrl: string, username: string, password: string) {
  const anonymous = createApiClient({ serverUrl });
  const login = await anonymous.login({ username, password, deviceName: 'bench device' });
  session = {
    client: createApiClient({ serverUrl, token: login.token, fetch: timedFetch }),
    userId: login.user.id,
    deviceId: login.deviceId,
  };
  return { userId: session.userId, deviceId: session.deviceId };
}

function current(): Session {
  if (!session) throw new Error('sign in first');
  return session;
}

async function freshDatabase(): Promise<FieldInspectorDb> {
  const db = openUserDatabase(current().userId);
  await db.delete();
  await db.open();
  return db;
}

/** Stores hazards and photos as the hazard form does: each record with its outbox row. */
export async function preparePush(spec: PushDataset) {
  const db = await freshDatabase();
  const data = await buildPushData(spec);
  for (const photo of data.photos) {
    const ref = { sha256: photo.sha256, mime: 'image/jpeg' as const, size: photo.bytes.byteLength };
    await putLocalBlob(db, ref, new Blob([photo.bytes], { type: 'image/jpeg' }));
  }
  const parallel = 32;
  for (let i = 0; i < data.findings.length; i += parallel) {
    await Promise.all(
      data.findings.slice(i, i + parallel).map((f) => writeLocal(db, 'finding', f)),
    );
  }
  const pending = await countPending(db);
  db.close();
  return { pending, photos: data.photos.length, payloadBytes: data.payloadBytes };
}

/**
 * Timed: the sync's upload and push (photos the server lacks alongside the outbox's batches)
 * until the outbox is empty.
 */
export async function runPush() {
  const { client, deviceId, userId } = current();
  const db = openUserDatabase(userId);
  await db.open();
  resetServerWait();
  const started = performance.now();
  // When the last photo was on the server (the push goes on beside the uploads).
  const blobPhase = { ms: 0, serverWaitMs: 0 };
  const { blobsUploaded, pushed } = await uploadAndPush({
    client,
    db,
    deviceId,
    onProgress: (p) => {
      if (p.phase === 'blobs' && p.done === p.total) {
        blobPhase.ms = performance.now() - started;
        blobPhase.serverWaitMs = serverWait.ms;
      }
    },
  });
  const ms = performance.now() - started;
  const left = await countPending(db);
  const rejected = await db.rejected.limit(3).toArray();
  db.close();
  return {
    ms,
    serverWait: { ...serverWait },
    blobPhase,
    timeline: timeline(started),
    blobsUploaded,
    pushed,
    outboxLeft: left,
    rejectedReasons: rejected.map((r) => r.reason),
  };
}

/** Timed: the first full pull into an empty database. */
export async function runPull() {
  const { client } = current();
  const db = await freshDatabase();
  resetServerWait();
  const started = performance.now();
  const progress = await pullAll({ client, db, onProgress: (p) => console.debug('pull', p) });
  const ms = performance.now() - started;
  const findings = await db.findings.count();
  db.close();
  await Dexie.delete(db.name);
  return {
    ms,
    serverWait: { ...serverWait },
    pages: progress.pages,
    applied: progress.applied,
    findings,
  };
}
