// A push answered 500: the engine stops the push for the cycle, still pulls, shows the server's
// message on the Sync screen and in the header, and tries again later by its own timer, each
// time after a longer delay, never sending the batch in a loop; local edits keep working.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppHeader } from '../../../../renderer/src/app/AppHeader';
import type { Profile } from '../../../../renderer/src/session/profile';
import type { FieldInspectorDb } from '../../../../renderer/src/db/database';
import { countPending, writeLocal } from '../../../../renderer/src/db/outbox/queue';
import { SyncScreen } from '../../../../renderer/src/features/sync/SyncScreen';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { backoffDelay, createSyncEngine } from '../../../../renderer/src/sync/sync-engine';
import type { SyncEnvironment } from '../../../../renderer/src/sync/sync-engine';
import { enterprisePull, fakeFetch, json } from '../support/fake-hq';
import { makeEnterprise, makeFinding, makeSession } from '../../../support/record-fixtures';
import { renderSignedIn } from '../support/render';
import { withTestDatabase } from '../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

/** expect.poll with room for a busy machine (antd's first render in jsdom is slow). */
const eventually = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

const SERVER_MESSAGE = 'Something went wrong on the server. Try again later.';

/** The engine's timers, held until the test lets the next one fire; the clock is fixed. */
function heldTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  const env: SyncEnvironment = {
    isOnline: () => true,
    onConnectivity: () => () => undefined,
    locks: undefined,
    setTimer(fn, ms) {
      const timer = { fn, ms };
      pending.push(timer);
      return () => {
        const at = pending.indexOf(timer);
        if (at >= 0) pending.splice(at, 1);
      };
    },
    // The five-minute sync never comes due in this test.
    setRepeating: () => () => undefined,
    now: () => new Date('2026-11-29T08:00:00.000Z'),
    random: () => 0.5,
  };
  return {
    env,
    pending,
    /** Lets the retry timer the engine set run out: the engine itself decides what happens. */
    elapse() {
      const timer = pending.shift();
      if (!timer) throw new Error('the engine set no retry timer');
      timer.fn();
      return timer.ms;
    },
  };
}

describe('a push answered 500', () => {
  it('backs off with growing delays, shows the error, and keeps pulling and editing', async () => {
    const pulled = makeEnterprise({ name: 'Pulled while the push failed' });
    let pushFailures = 2;
    const hq = fakeFetch(({ method, url, body }) => {
      if (url.pathname.endsWith('/sync/push')) {
        if (pushFailures > 0) {
          pushFailures--;
          return json(500, { error: 'internal', message: SERVER_MESSAGE });
        }
        const { mutations } = body as { mutations: { mid: number }[] };
        return json(200, {
          results: mutations.map((m, i) => ({ mid: m.mid, status: 'applied', version: 10 + i })),
          lastMid: mutations.at(-1)?.mid ?? 0,
        });
      }
      if (method === 'GET' && url.pathname.endsWith('/sync/pull')) {
        return enterprisePull(pulled, 7);
      }
      return json(404, { error: 'not_found', message: 'no such route' });
    });
    const session = makeSession();
    const client = createApiClient({
      serverUrl: session.serverUrl,
      token: session.token,
      fetch: hq.fetch,
    });
    const timers = heldTimers();
    const engine = createSyncEngine({
      userId: session.user.id,
      deviceId: session.deviceId,
      db,
      client,
      env: timers.env,
    });
    const profile: Profile = { session, db, client, engine };
    const pushes = () => hq.requests.filter((r) => r.url.pathname.endsWith('/sync/push')).length;
    const pulls = () => hq.requests.filter((r) => r.url.pathname.endsWith('/sync/pull')).length;

    const queued = makeFinding({ version: 0 });
    await writeLocal(db, 'finding', queued);
    renderSignedIn(
      <>
        <AppHeader />
        <SyncScreen />
      </>,
      profile,
    );
    engine.start();

    // The first sync: the push fails once, the pull still brings the server's changes.
    await eventually(() => engine.getStatus().state).toBe('error');
    expect(pushes()).toBe(1);
    expect(pulls()).toBe(1);
    expect(await db.enterprises.get(pulled.id)).toMatchObject({ name: pulled.name });
    expect(await countPending(db)).toBe(1);
    expect(engine.getStatus().lastError).toMatchObject({ kind: 'server', message: SERVER_MESSAGE });
    // Shown with the server's words on the Sync screen and in the header.
    const shown = `The server answered with an error: ${SERVER_MESSAGE}`;
    expect(await screen.findByText(new RegExp(`^${escape(shown)} \\(`))).toBeTruthy();
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Sync failed')).toBeTruthy();
    expect(within(header).getByText(shown)).toBeTruthy();

    // Nothing is sent again until the engine's retry timer runs out: no loop on the batch.
    expect(timers.pending.map((t) => t.ms)).toEqual([backoffDelay(1, 0.5)]);
    await new Promise((done) => setTimeout(done, 50));
    expect(pushes()).toBe(1);

    // Work goes on meanwhile: a local edit is stored and queued behind the failed batch.
    const edited = makeFinding({ version: 0, title: 'Written while sync fails' });
    await writeLocal(db, 'finding', edited);
    expect(await countPending(db)).toBe(2);

    // The engine's own timer retries: it fails again, and waits longer before the next try.
    const first = timers.elapse();
    await eventually(pushes).toBe(2);
    await eventually(() => timers.pending.length).toBe(1);
    expect(engine.getStatus().state).toBe('error');
    expect(pulls()).toBe(2);
    const second = timers.pending[0]!.ms;
    expect(second).toBe(backoffDelay(2, 0.5));
    expect(second).toBeGreaterThan(first);

    // The next retry goes through: both changes are sent, and the error is gone.
    timers.elapse();
    await eventually(() => engine.getStatus().state).toBe('idle');
    expect(pushes()).toBe(3);
    expect(await countPending(db)).toBe(0);
    expect(timers.pending).toEqual([]);
    await eventually(() => within(header).queryByText(shown)).toBeNull();
    expect(within(header).getByText('Up to date')).toBeTruthy();
    engine.stop();
  }, 30_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
