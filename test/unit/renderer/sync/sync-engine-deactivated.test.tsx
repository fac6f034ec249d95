// An account an administrator deactivated: every sync request is refused with 403
// account_deactivated. The engine says so in the user's words, keeps the unsent work queued (the
// session is not dropped, as signing in again would not help), and sends it once reactivated.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { SyncScreen } from '../../../../renderer/src/features/sync/SyncScreen';
import type { Profile } from '../../../../renderer/src/session/profile';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { createSyncEngine, describeSyncError } from '../../../../renderer/src/sync/sync-engine';
import type { SyncEnvironment } from '../../../../renderer/src/sync/sync-engine';
import { ApiError } from '../../../../renderer/src/sync/errors';
import { fakeFetch, json } from '../support/fake-hq';
import { makeFinding, makeSession } from '../../../support/record-fixtures';
import { renderSignedIn } from '../support/render';
import { withTestDatabase } from '../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const eventually = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

const REFUSAL = {
  error: 'account_deactivated',
  message: 'This account has been deactivated by an administrator.',
};

describe('a deactivated account syncing', { timeout: 30_000 }, () => {
  it('names each account refusal by its own kind', () => {
    const at = '2026-11-29T00:00:00.000Z';
    const kind = (code: string) => describeSyncError(new ApiError(403, code, 'x'), at).kind;
    expect(kind('account_deactivated')).toBe('deactivated');
    expect(kind('password_change_required')).toBe('passwordChange');
    expect(kind('device_wiped')).toBe('deviceWiped');
    expect(kind('forbidden')).toBe('refused');
  });

  it('is refused with a clear message, keeps the unsent work, and sends it once reactivated', async () => {
    let deactivated = true;
    const hq = fakeFetch(({ url, body }) => {
      if (deactivated) return json(403, REFUSAL);
      if (url.pathname.endsWith('/sync/push')) {
        const { mutations } = body as { mutations: { mid: number }[] };
        return json(200, {
          results: mutations.map((m) => ({ mid: m.mid, status: 'applied', version: 1 })),
          lastMid: mutations.at(-1)?.mid ?? 0,
        });
      }
      return json(200, { changes: [], cursor: 'c1', hasMore: false });
    });
    const session = makeSession();
    const client = createApiClient({
      serverUrl: session.serverUrl,
      token: session.token,
      fetch: hq.fetch,
    });
    let unauthorized = 0;
    const retries: (() => void)[] = [];
    const env: SyncEnvironment = {
      isOnline: () => true,
      onConnectivity: () => () => undefined,
      locks: undefined,
      setTimer(fn) {
        retries.push(fn);
        return () => undefined;
      },
      setRepeating: () => () => undefined,
      now: () => new Date('2026-11-29T08:00:00.000Z'),
      random: () => 0.5,
    };
    const engine = createSyncEngine({
      userId: session.user.id,
      deviceId: session.deviceId,
      db,
      client,
      env,
      onUnauthorized: () => unauthorized++,
    });
    const profile: Profile = { session, db, client, engine };
    await writeLocal(db, 'finding', makeFinding({ version: 0 }));
    renderSignedIn(<SyncScreen />, profile, 'zh-CN');
    engine.start();

    await eventually(() => engine.getStatus().lastError?.kind).toBe('deactivated');
    expect(
      await screen.findByText(/^同步被拒绝：您的账号已被管理员停用。未发送的修改仍保存在本设备上/),
    ).toBeTruthy();
    expect(await countPending(db)).toBe(1);
    // Not a lost session: the profile is not sent back to the sign-in.
    expect(unauthorized).toBe(0);

    deactivated = false;
    retries.shift()?.();
    await eventually(() => engine.getStatus().state).toBe('idle');
    expect(await countPending(db)).toBe(0);
    engine.stop();
  });
});
