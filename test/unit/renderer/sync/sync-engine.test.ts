import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../../domain/sync/protocol';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { getSyncRecord } from '../../../../renderer/src/db/repositories/meta';
import { putLocalBlob } from '../../../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { syncErrorText } from '../../../../renderer/src/features/sync/sync-error-text';
import { createI18n } from '../../../../renderer/src/i18n/i18n';
import { ApiError, NetworkError } from '../../../../renderer/src/sync/errors';
import {
  BACKOFF_MAX_MS,
  backoffDelay,
  createSyncEngine,
  SYNC_INTERVAL_MS,
} from '../../../../renderer/src/sync/sync-engine';
import type {
  SyncEngine,
  SyncEnvironment,
  SyncStatus,
} from '../../../../renderer/src/sync/sync-engine';
import type { SyncClient } from '../../../../renderer/src/sync/sync-cycle';
import { makeEnterprise, makeFinding, newId } from '../../../support/record-fixtures';

const START = Date.parse('2026-11-29T08:00:00.000Z');

/**
 * An environment whose clock and network the test moves by hand: timers fire only when the test
 * advances the clock past them, and connectivity events only when it flips the network.
 */
function manualEnvironment() {
  let now = START;
  const timers: { fn: () => void; at: number; every: number | null }[] = [];
  const connectivity = new Set<(online: boolean) => void>();
  const schedule = (fn: () => void, ms: number, every: number | null) => {
    const timer = { fn, at: now + ms, every };
    timers.push(timer);
    return () => {
      const i = timers.indexOf(timer);
      if (i >= 0) timers.splice(i, 1);
    };
  };
  const env: SyncEnvironment & { online: boolean } = {
    online: true,
    isOnline: () => env.online,
    onConnectivity(listener) {
      connectivity.add(listener);
      return () => connectivity.delete(listener);
    },
    locks: undefined,
    setTimer: (fn, ms) => schedule(fn, ms, null),
    setRepeating: (fn, ms) => schedule(fn, ms, ms),
    now: () => new Date(now),
    random: () => 0.5,
  };
  return {
    env,
    /** Timers still to fire, by kind. */
    pending: () => ({
      retries: timers.filter((t) => t.every === null).map((t) => t.at - now),
      repeating: timers.filter((t) => t.every !== null).map((t) => t.every),
    }),
    /** Moves the clock on by `ms`, firing each timer that falls due, in order. */
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        now = due.at;
        if (due.every === null) timers.splice(timers.indexOf(due), 1);
        else due.at += due.every;
        due.fn();
      }
      now = until;
    },
    /** The network goes away or comes back, as the page's online and offline events say. */
    setOnline(online: boolean) {
      env.online = online;
      for (const listener of connectivity) listener(online);
    },
  };
}

/**
 * The engine's status once `reached` holds for it, as its subscribers see it. The engine works
 * on its own (timers, connectivity): the test only waits for what it publishes, then lets the
 * engine close the sync it reported on (it does after publishing), as the page's next event
 * would find it.
 */
function statusWhen(
  engine: SyncEngine,
  reached: (status: SyncStatus) => boolean,
  what: string,
): Promise<SyncStatus> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const status = engine.getStatus();
      if (!reached(status)) return;
      clearTimeout(timeout);
      unsubscribe();
      setTimeout(() => resolve(status), 0);
    };
    const unsubscribe = engine.subscribe(check);
    const timeout = setTimeout(() => {
      unsubscribe();
      reject(new Error(`the engine never got to ${what}: ${JSON.stringify(engine.getStatus())}`));
    }, 2_000);
    check();
  });
}

const finished = (engine: SyncEngine) =>
  statusWhen(engine, (s) => s.state !== 'syncing', 'the end of a sync');

/** The calls an engine with an empty outbox and no photos never makes. */
const quietClient: Omit<SyncClient, 'pull'> = {
  push: async () => {
    throw new Error('nothing to push');
  },
  missingBlobs: async () => [],
  putBlob: async () => undefined,
};

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

function onePage(): PullResponse {
  const e = makeEnterprise();
  return {
    changes: [{ entity: 'enterprise', id: e.id, version: 1, data: e }],
    cursor: 'c1',
    hasMore: false,
  };
}

/** An engine on the test database, in a manual environment, with the given server calls. */
function engineWith(
  client: Partial<SyncClient> & Pick<SyncClient, 'pull'>,
  options: { online?: boolean; onUnauthorized?: () => void } = {},
) {
  const manual = manualEnvironment();
  manual.env.online = options.online ?? true;
  const engine = createSyncEngine({
    userId: 'u',
    deviceId: newId(),
    db,
    client: { ...quietClient, ...client },
    env: manual.env,
    ...(options.onUnauthorized ? { onUnauthorized: options.onUnauthorized } : {}),
  });
  return { manual, engine };
}

/** A pull that counts its calls and fails with a network error while `failing` is set. */
function countingPull() {
  const server = { pulls: 0, failing: false };
  const pull = async () => {
    server.pulls++;
    if (server.failing) throw new NetworkError('https://hq.test');
    return onePage();
  };
  return { server, pull };
}

describe('sync engine', () => {
  it('syncs on start by itself and reports success', async () => {
    const { server, pull } = countingPull();
    const { manual, engine } = engineWith({ pull });
    engine.start();
    const status = await statusWhen(engine, (s) => s.lastSuccessAt !== null, 'a first success');
    expect(status).toMatchObject({
      state: 'idle',
      lastSuccessAt: '2026-11-29T08:00:00.000Z',
      lastError: null,
    });
    expect(server.pulls).toBe(1);
    expect(await db.enterprises.count()).toBe(1);
    expect(manual.pending()).toEqual({ retries: [], repeating: [SYNC_INTERVAL_MS] });
    engine.stop();
    expect(manual.pending()).toEqual({ retries: [], repeating: [] });
  });

  it('syncs again every interval while online, and not while offline', async () => {
    const { server, pull } = countingPull();
    const { manual, engine } = engineWith({ pull });
    engine.start();
    await statusWhen(engine, (s) => s.lastSuccessAt !== null, 'a first success');

    manual.advance(SYNC_INTERVAL_MS - 1);
    expect(engine.getStatus().state).toBe('idle');
    expect(server.pulls).toBe(1);
    manual.advance(1);
    expect(engine.getStatus().state).toBe('syncing');
    expect(await finished(engine)).toMatchObject({
      state: 'idle',
      lastSuccessAt: new Date(START + SYNC_INTERVAL_MS).toISOString(),
    });
    expect(server.pulls).toBe(2);

    manual.setOnline(false);
    expect(engine.getStatus().state).toBe('offline');
    manual.advance(3 * SYNC_INTERVAL_MS);
    expect(engine.getStatus().state).toBe('offline');
    expect(server.pulls).toBe(2);
    engine.stop();
  });

  it('backs off after a network error and recovers on the retry timer by itself', async () => {
    const { server, pull } = countingPull();
    server.failing = true;
    const { manual, engine } = engineWith({ pull });
    engine.start();
    const failed = await statusWhen(engine, (s) => s.state === 'error', 'a failure');
    expect(failed.lastError?.kind).toBe('network');
    expect((await getSyncRecord(db)).lastError?.kind).toBe('network');
    expect(manual.pending().retries).toEqual([backoffDelay(1, 0.5)]);

    // Nothing happens before the delay; at it, the engine tries again and fails again, longer.
    manual.advance(backoffDelay(1, 0.5) - 1);
    expect(engine.getStatus().state).toBe('error');
    expect(server.pulls).toBe(1);
    manual.advance(1);
    expect(engine.getStatus().state).toBe('syncing');
    expect(await finished(engine)).toMatchObject({ state: 'error' });
    expect(server.pulls).toBe(2);
    expect(manual.pending().retries).toEqual([backoffDelay(2, 0.5)]);

    // The server is back: the next retry succeeds, and no other is left waiting.
    server.failing = false;
    manual.advance(backoffDelay(2, 0.5));
    expect(engine.getStatus().state).toBe('syncing');
    expect(await finished(engine)).toMatchObject({ state: 'idle', lastError: null });
    expect(server.pulls).toBe(3);
    expect(manual.pending().retries).toEqual([]);
    engine.stop();
  });

  it('stays offline without calling the server, and syncs by itself when the network returns', async () => {
    const { server, pull } = countingPull();
    const { manual, engine } = engineWith({ pull }, { online: false });
    engine.start();
    await statusWhen(engine, (s) => s.state === 'offline', 'offline');
    manual.advance(2 * SYNC_INTERVAL_MS);
    expect(server.pulls).toBe(0);
    expect(engine.getStatus().state).toBe('offline');

    manual.setOnline(true);
    expect(engine.getStatus().state).toBe('syncing');
    const synced = await statusWhen(engine, (s) => s.lastSuccessAt !== null, 'a success');
    expect(synced.state).toBe('idle');
    expect(server.pulls).toBe(1);
    engine.stop();
  });

  it('asked to sync while a sync runs, pushes a change made meanwhile right after it, once', async () => {
    let pulls = 0;
    const pushed: string[] = [];
    let release: () => void = () => undefined;
    const { engine } = engineWith({
      push: async ({ mutations }) => {
        pushed.push(...mutations.map((m) => m.id));
        return {
          results: mutations.map((m) => ({ mid: m.mid, status: 'applied' as const, version: 5 })),
          lastMid: mutations.at(-1)?.mid ?? 0,
        };
      },
      pull: async () => {
        pulls++;
        // The first sync is held in its pull, past its push, until released.
        if (pulls === 1) await new Promise<void>((done) => (release = done));
        return onePage();
      },
    });
    engine.start();
    await expect.poll(() => pulls).toBe(1);
    // A change made now (a review decision, say) asks for a sync: twice, as screens may.
    const finding = makeFinding({ version: 0 });
    await writeLocal(db, 'finding', finding);
    const second = engine.syncNow();
    expect(engine.syncNow()).toBe(second);
    release();
    await second;
    expect(pushed).toEqual([finding.id]);
    expect(pulls).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    // With nothing queued, a request during a sync joins it and runs no other.
    const joined = engine.syncNow();
    await engine.syncNow();
    await joined;
    expect(pulls).toBe(3);
    engine.stop();
  });

  it('says an upload past the quota in the user’s words, waits its backoff, and goes on later', async () => {
    const photo = { sha256: 'c'.repeat(64), mime: 'image/jpeg' as const, size: 3 };
    await putLocalBlob(db, photo, new Blob(['abc'], { type: 'image/jpeg' }));
    await writeLocal(db, 'finding', makeFinding({ version: 0, photos: [photo] }));
    let full = true;
    let uploads = 0;
    const pushed: string[] = [];
    const { manual, engine } = engineWith({
      missingBlobs: async (hashes) => hashes,
      putBlobs: async (blobs) => {
        uploads++;
        if (full) throw new ApiError(413, 'upload_quota_exceeded', 'Upload quota reached: …');
        return blobs.map((b) => ({ sha256: b.sha256, status: 'created' as const }));
      },
      push: async ({ mutations }) => {
        pushed.push(...mutations.map((m) => m.id));
        return {
          results: mutations.map((m) => ({ mid: m.mid, status: 'applied' as const, version: 5 })),
          lastMid: mutations.at(-1)?.mid ?? 0,
        };
      },
      pull: async () => onePage(),
    });
    engine.start();
    const failed = await statusWhen(engine, (s) => s.state === 'error', 'a refused upload');
    expect(failed.lastError).toMatchObject({
      kind: 'uploadQuota',
      message: 'Upload quota reached: …',
    });
    expect(syncErrorText(failed.lastError!, createI18n('zh-CN').t)).toContain('上传限额');
    // One refused upload, no record sent without its photo, and the next try only on the timer.
    expect(uploads).toBe(1);
    expect(pushed).toEqual([]);
    expect(manual.pending().retries).toEqual([backoffDelay(1, 0.5)]);
    manual.advance(backoffDelay(1, 0.5) - 1);
    expect(uploads).toBe(1);
    manual.advance(1);
    expect(await finished(engine)).toMatchObject({ state: 'error' });
    expect(uploads).toBe(2);
    expect(manual.pending().retries).toEqual([backoffDelay(2, 0.5)]);

    full = false;
    manual.advance(backoffDelay(2, 0.5));
    expect(await finished(engine)).toMatchObject({ state: 'idle', lastError: null });
    expect(pushed).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('signs out on a 401 instead of retrying', async () => {
    let signedOut = 0;
    let pulls = 0;
    const { manual, engine } = engineWith(
      {
        pull: async () => {
          pulls++;
          throw new ApiError(401, 'unauthorized', 'token revoked');
        },
      },
      { onUnauthorized: () => signedOut++ },
    );
    engine.start();
    const status = await statusWhen(engine, (s) => s.state === 'error', 'a failure');
    expect(status.lastError?.kind).toBe('unauthorized');
    expect(signedOut).toBe(1);
    expect(manual.pending().retries).toEqual([]);
    // Until the next interval's sync, far past any retry's delay, nothing is tried again.
    expect(SYNC_INTERVAL_MS - 1).toBeGreaterThan(backoffDelay(1, 0.5));
    manual.advance(SYNC_INTERVAL_MS - 1);
    expect(engine.getStatus().state).toBe('error');
    await finished(engine);
    expect(pulls).toBe(1);
    engine.stop();
  });

  it('stopped while a sync runs (the profile closing under it), records no error and retries nothing', async () => {
    let fail: (error: Error) => void = () => undefined;
    let asked: () => void = () => undefined;
    const pulling = new Promise<void>((resolve) => (asked = resolve));
    const { manual, engine } = engineWith({
      pull: () =>
        new Promise<PullResponse>((_resolve, reject) => {
          fail = reject;
          asked();
        }),
    });
    engine.start();
    const syncing = engine.syncNow();
    await pulling;
    engine.stop();
    // The database closes under the running sync, which then fails; after the stop, the engine
    // no longer reads the page (its network state may be gone) and writes nothing.
    manual.env.isOnline = () => {
      throw new Error('the page is gone');
    };
    fail(new NetworkError('https://hq.test'));
    await syncing;
    expect(engine.getStatus().lastError).toBeNull();
    expect((await getSyncRecord(db)).lastError).toBeNull();
    expect(manual.pending().retries).toEqual([]);
  });
});

describe('backoffDelay', () => {
  it('doubles, stays within the cap, and keeps at least half of each step', () => {
    expect(backoffDelay(1, 0)).toBe(2_500);
    expect(backoffDelay(1, 1)).toBe(5_000);
    expect(backoffDelay(2, 1)).toBe(10_000);
    expect(backoffDelay(30, 1)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelay(30, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});
