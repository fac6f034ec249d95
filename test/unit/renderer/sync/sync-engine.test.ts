import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../../domain/sync/protocol';
import { withTestDatabase } from '../support/test-database';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { getSyncRecord } from '../../../../renderer/src/db/repositories/meta';
import { putLocalBlob } from '../../../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../../../renderer/src/db/repositories/outbox';
import { syncErrorText } from '../../../../renderer/src/features/sync/sync-error-text';
import { createI18n } from '../../../../renderer/src/i18n/i18n';
import { ApiError, NetworkError } from '../../../../renderer/src/sync/errors';
import {
  BACKOFF_MAX_MS,
  backoffDelay,
  createSyncEngine,
  SYNC_INTERVAL_MS,
} from '../../../../renderer/src/sync/sync-engine';
import type { SyncEnvironment } from '../../../../renderer/src/sync/sync-engine';
import type { SyncClient } from '../../../../renderer/src/sync/sync-cycle';
import { makeEnterprise, makeFinding, newId } from '../support/fixtures';

/** An environment whose clock, timers and network the test moves by hand. */
function manualEnvironment() {
  const timers: { fn: () => void; ms: number; repeat: boolean }[] = [];
  const connectivity = new Set<(online: boolean) => void>();
  const env: SyncEnvironment & { online: boolean } = {
    online: true,
    isOnline: () => env.online,
    onConnectivity(listener) {
      connectivity.add(listener);
      return () => connectivity.delete(listener);
    },
    locks: undefined,
    setTimer(fn, ms) {
      const timer = { fn, ms, repeat: false };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    setRepeating(fn, ms) {
      const timer = { fn, ms, repeat: true };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    now: () => new Date('2026-11-29T08:00:00.000Z'),
    random: () => 0.5,
  };
  return {
    env,
    timers,
    setOnline(online: boolean) {
      env.online = online;
      for (const listener of connectivity) listener(online);
    },
    fireRetry() {
      const timer = timers.find((t) => !t.repeat);
      if (!timer) throw new Error('no retry scheduled');
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    },
  };
}

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

describe('sync engine', () => {
  it('pulls on start and reports success', async () => {
    const { manual, engine } = engineWith({ pull: async () => onePage() });
    engine.start();
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({
      state: 'idle',
      lastSuccessAt: '2026-11-29T08:00:00.000Z',
      lastError: null,
    });
    expect(await db.enterprises.count()).toBe(1);
    expect(manual.timers.filter((t) => t.repeat).map((t) => t.ms)).toEqual([SYNC_INTERVAL_MS]);
    engine.stop();
    expect(manual.timers).toEqual([]);
  });

  it('backs off after a network error and recovers on the retry timer', async () => {
    let failing = true;
    const { manual, engine } = engineWith({
      pull: async () => {
        if (failing) throw new NetworkError('http://hq.test');
        return onePage();
      },
    });
    engine.start();
    await engine.syncNow();
    expect(engine.getStatus().state).toBe('error');
    expect(engine.getStatus().lastError?.kind).toBe('network');
    expect((await getSyncRecord(db)).lastError?.kind).toBe('network');
    expect(manual.timers.find((t) => !t.repeat)?.ms).toBe(backoffDelay(1, 0.5));

    failing = false;
    manual.fireRetry();
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ state: 'idle', lastError: null });
    expect(manual.timers.filter((t) => !t.repeat)).toEqual([]);
    engine.stop();
  });

  it('stays offline without calling the server, and syncs when the network returns', async () => {
    let calls = 0;
    const { manual, engine } = engineWith(
      {
        pull: async () => {
          calls++;
          return onePage();
        },
      },
      { online: false },
    );
    engine.start();
    await engine.syncNow();
    expect(engine.getStatus().state).toBe('offline');
    expect(calls).toBe(0);
    manual.setOnline(true);
    await engine.syncNow();
    expect(calls).toBeGreaterThan(0);
    expect(engine.getStatus().state).toBe('idle');
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
    await engine.syncNow();
    expect(engine.getStatus().lastError).toMatchObject({
      kind: 'uploadQuota',
      message: 'Upload quota reached: …',
    });
    expect(syncErrorText(engine.getStatus().lastError!, createI18n('zh-CN').t)).toContain(
      '上传限额',
    );
    // One refused upload, no record sent without its photo, and the next try only on the timer.
    expect(uploads).toBe(1);
    expect(pushed).toEqual([]);
    expect(manual.timers.find((t) => !t.repeat)?.ms).toBe(backoffDelay(1, 0.5));
    await engine.syncNow();
    expect(uploads).toBe(2);
    expect(manual.timers.find((t) => !t.repeat)?.ms).toBe(backoffDelay(2, 0.5));

    full = false;
    manual.fireRetry();
    await engine.syncNow();
    expect(engine.getStatus()).toMatchObject({ state: 'idle', lastError: null });
    expect(pushed).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('signs out on a 401 instead of retrying', async () => {
    let signedOut = 0;
    const { manual, engine } = engineWith(
      {
        pull: async () => {
          throw new ApiError(401, 'unauthorized', 'token revoked');
        },
      },
      { onUnauthorized: () => signedOut++ },
    );
    engine.start();
    await engine.syncNow();
    expect(signedOut).toBe(1);
    expect(engine.getStatus().lastError?.kind).toBe('unauthorized');
    expect(manual.timers.filter((t) => !t.repeat)).toEqual([]);
    engine.stop();
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
