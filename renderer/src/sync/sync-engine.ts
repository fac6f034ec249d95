// The sync worker of one signed-in profile: decides when to sync (on start, when the network
// comes back, every five minutes, on request; after a failure with exponential backoff and
// jitter), holds the profile's Web Lock while it runs so that two tabs never sync at once, and
// publishes its status to the screens. What one sync does is in sync-cycle.ts.
import type { FieldInspectorDb } from '../db/database';
import {
  getSyncRecord,
  putDeviceId,
  recordSyncError,
  recordSyncSuccess,
} from '../db/repositories/meta';
import type { StoredSyncError } from '../db/repositories/meta';
import { countPendingConflictChoices } from '../db/repositories/conflict-log';
import { countPending } from '../db/outbox/queue';
import { ApiError, NetworkError, ProtocolError, ServerAddressError } from './errors';
import { runSyncCycle } from './sync-cycle';
import type { SyncClient, SyncProgress } from './sync-cycle';
import { systemClock } from '../shared/clock';
import type { Clock } from '../shared/clock';

export type SyncState = 'idle' | 'syncing' | 'error' | 'offline';

export interface SyncStatus {
  state: SyncState;
  lastSuccessAt: string | null;
  lastError: StoredSyncError | null;
  progress: SyncProgress | null;
}

/** What the engine needs from the page; tests pass their own. */
export interface SyncEnvironment {
  isOnline(): boolean;
  /** Calls back with true on 'online' and false on 'offline'; returns the unsubscribe. */
  onConnectivity(listener: (online: boolean) => void): () => void;
  locks: LockManager | undefined;
  setTimer(fn: () => void, ms: number): () => void;
  setRepeating(fn: () => void, ms: number): () => void;
  now: Clock;
  random(): number;
}

export const SYNC_INTERVAL_MS = 5 * 60_000;
/** The server's code for an upload past the user's quota of photos no record uses yet. */
export const UPLOAD_QUOTA_EXCEEDED = 'upload_quota_exceeded';
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export function browserSyncEnvironment(): SyncEnvironment {
  return {
    isOnline: () => navigator.onLine,
    onConnectivity(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    },
    locks: typeof navigator !== 'undefined' ? navigator.locks : undefined,
    setTimer(fn, ms) {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
    setRepeating(fn, ms) {
      const id = setInterval(fn, ms);
      return () => clearInterval(id);
    },
    now: systemClock,
    random: Math.random,
  };
}

/** The delay before retry number `failures` (1, 2, …): doubling, capped, half of it jittered. */
export function backoffDelay(failures: number, random: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

const accountRefusals: Record<string, StoredSyncError['kind'] | undefined> = {
  account_deactivated: 'deactivated',
  password_change_required: 'passwordChange',
  device_wiped: 'deviceWiped',
};

export function describeSyncError(error: unknown, at: string, online = true): StoredSyncError {
  if (error instanceof NetworkError) {
    return { kind: online ? 'network' : 'offline', message: error.message, at };
  }
  if (error instanceof ApiError && error.code === UPLOAD_QUOTA_EXCEEDED) {
    // Said in the user's words: the photos wait until the records using those uploaded go.
    return { kind: 'uploadQuota', message: error.message, at };
  }
  // Refusals that signing in again does not cure, each said in the user's words; the queue stays.
  const account = error instanceof ApiError ? accountRefusals[error.code] : undefined;
  if (account) return { kind: account, message: error instanceof Error ? error.message : '', at };
  if (error instanceof ApiError) {
    const kind = error.unauthorized ? 'unauthorized' : error.status < 500 ? 'refused' : 'server';
    return { kind, message: error.message, at };
  }
  if (error instanceof ProtocolError) return { kind: 'invalidData', message: error.message, at };
  if (error instanceof ServerAddressError && error.problem === 'insecure') {
    return { kind: 'insecureServer', message: error.url, at };
  }
  return { kind: 'unknown', message: error instanceof Error ? error.message : String(error), at };
}

export interface SyncEngineOptions {
  userId: string;
  /** The device id the server gave this profile's session: mids are numbered for it. */
  deviceId: string;
  db: FieldInspectorDb;
  client: SyncClient;
  /** Called when the server no longer accepts the session's token. */
  onUnauthorized?: () => void;
  /**
   * Called once an ordered wipe is done on the server's side (everything sent): the caller
   * deletes the local data and signs out. The engine has stopped.
   */
  onWiped?: () => void;
  env?: SyncEnvironment;
  /** Supervisors and admins: each sync refreshes the cached conflicts log. */
  reviewsConflicts?: boolean;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /**
   * Runs a sync now, or once more right after the one running; never rejects: failures land in
   * the status.
   */
  syncNow(): Promise<void>;
  getStatus(): SyncStatus;
  subscribe(listener: () => void): () => void;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, client, userId, deviceId } = options;
  const env = options.env ?? browserSyncEnvironment();
  const listeners = new Set<() => void>();
  let status: SyncStatus = {
    state: env.isOnline() ? 'idle' : 'offline',
    lastSuccessAt: null,
    lastError: null,
    progress: null,
  };
  let running: Promise<void> | null = null;
  let again: Promise<void> | null = null;
  let failures = 0;
  let stopped = true;
  let cancelRetry: (() => void) | null = null;
  const teardown: (() => void)[] = [];

  function update(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch };
    for (const listener of listeners) listener();
  }

  function withLock(work: () => Promise<void>): Promise<void> {
    if (!env.locks) return work();
    return env.locks.request(`fi-sync-${userId}`, work);
  }

  function scheduleRetry(): void {
    cancelRetry?.();
    if (stopped) return;
    cancelRetry = env.setTimer(
      () => {
        cancelRetry = null;
        void syncNow();
      },
      backoffDelay(failures, env.random()),
    );
  }

  async function runOnce(): Promise<void> {
    if (!env.isOnline()) {
      update({ state: 'offline', progress: null });
      return;
    }
    update({ state: 'syncing', progress: { phase: 'blobs', done: 0, total: 0 } });
    try {
      let wiped = false;
      await withLock(async () => {
        const result = await runSyncCycle({
          client,
          db,
          deviceId,
          now: env.now,
          reviewsConflicts: options.reviewsConflicts === true,
          onProgress: (progress) => update({ progress }),
        });
        wiped = result.wiped === true;
      });
      if (wiped) {
        stopEngine();
        options.onWiped?.();
        return;
      }
      const at = env.now().toISOString();
      await recordSyncSuccess(db, at);
      failures = 0;
      cancelRetry?.();
      cancelRetry = null;
      update({ state: 'idle', lastSuccessAt: at, lastError: null, progress: null });
    } catch (error) {
      // Stopped meanwhile (signed out, the profile closed under the running sync): the failure
      // is the closing's, not the server's, and there is no status left to show it in.
      if (stopped) return;
      const described = describeSyncError(error, env.now().toISOString(), env.isOnline());
      await recordSyncError(db, described).catch(() => undefined);
      update({ state: 'error', lastError: described, progress: null });
      if (described.kind === 'unauthorized') {
        options.onUnauthorized?.();
        return;
      }
      failures++;
      scheduleRetry();
    }
  }

  function stopEngine(): void {
    stopped = true;
    cancelRetry?.();
    cancelRetry = null;
    for (const undo of teardown.splice(0)) undo();
  }

  function syncNow(): Promise<void> {
    if (running) {
      // The running sync may have pushed already: a change made meanwhile (a review decision,
      // say) goes in one more sync right after it, not at the next interval; asked for several
      // times meanwhile, that is still one more sync. A failed sync has its retry timer instead.
      again ??= running.then(async () => {
        again = null;
        const pending =
          (await countPending(db).catch(() => 0)) +
          (await countPendingConflictChoices(db).catch(() => 0));
        if (pending > 0 && !stopped && status.state === 'idle') await syncNow();
      });
      return again;
    }
    running = runOnce().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      // Remembered so that signing in again on this device can ask the server for the same id.
      putDeviceId(db, deviceId).catch(() => undefined);
      getSyncRecord(db)
        .then((record) => {
          if (status.lastSuccessAt === null && status.lastError === null) update(record);
        })
        // The profile may close before the read finishes (a quick sign-out); nothing to show then.
        .catch(() => undefined);
      teardown.push(
        env.onConnectivity((online) => {
          if (online) void syncNow();
          else if (!running) update({ state: 'offline' });
        }),
        env.setRepeating(() => {
          if (env.isOnline()) void syncNow();
        }, SYNC_INTERVAL_MS),
      );
      void syncNow();
    },
    stop: stopEngine,
    syncNow,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
