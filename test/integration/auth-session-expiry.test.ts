// Sessions end by themselves: after going unused for the idle limit, and at the absolute limit
// from their sign-in however much they are used. An ended session is answered 401
// `session_expired`, which a revoked or unknown token is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIMITS } from '../../server/src/auth/sessions';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, bearer, demoApp, errorBody, getAs, login } from '../support/demo-app';
import { databaseKinds } from '../support/test-databases';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);

describe.each(databaseKinds)('session expiry on %s', (kind) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await demoApp(kind);
  });
  afterAll(() => t.close());

  /** The status and error code of GET /me with `token` at `ms` after TEST_NOW. */
  async function meAt(token: string, ms: number) {
    t.setNow(at(ms));
    try {
      const res = await getAs(t.app, '/api/v1/me', token);
      return res.statusCode === 200 ? 200 : `${res.statusCode} ${errorBody(res).error}`;
    } finally {
      t.setNow(TEST_NOW);
    }
  }

  it('defaults to 14 days unused and 30 days from signing in', () => {
    expect(DEFAULT_SESSION_LIMITS).toEqual({ idleMs: 14 * DAY, absoluteMs: 30 * DAY });
  });

  it('ends a session left unused for the idle limit, counted from its last use', async () => {
    const [a, b, c] = [
      await login(t.app, 'inspector.li'),
      await login(t.app, 'inspector.li'),
      await login(t.app, 'inspector.li'),
    ];
    expect(await meAt(a.token, 14 * DAY - 60_000)).toBe(200);
    expect(await meAt(b.token, 14 * DAY)).toBe('401 session_expired');
    // Used a minute before its limit, the first has 14 more days from there.
    expect(await meAt(a.token, 28 * DAY - 2 * 60_000)).toBe(200);
    expect(await meAt(c.token, 10 * DAY)).toBe(200);
    expect(await meAt(c.token, 24 * DAY)).toBe('401 session_expired');
  });

  it('ends a session at the absolute limit however often it is used', async () => {
    const { token } = await login(t.app, 'inspector.chen');
    for (const day of [7, 14, 21, 28]) expect(await meAt(token, day * DAY)).toBe(200);
    expect(await meAt(token, 30 * DAY - 60_000)).toBe(200);
    expect(await meAt(token, 30 * DAY)).toBe('401 session_expired');
  });

  it('answers every route of an expired session with session_expired and a clear message', async () => {
    const { token } = await login(t.app, 'inspector.wang');
    t.setNow(at(31 * DAY));
    try {
      for (const [method, url] of [
        ['GET', '/api/v1/me'],
        ['GET', '/api/v1/sync/pull'],
        ['POST', '/api/v1/sync/push'],
        ['POST', '/api/v1/auth/logout'],
      ] as const) {
        const res = await t.app.inject({ method, url, headers: bearer(token) });
        expect(res.statusCode, url).toBe(401);
        expect(errorBody(res)).toEqual({
          error: 'session_expired',
          message: expect.stringMatching(/expired.*sign in again/i),
        });
      }
    } finally {
      t.setNow(TEST_NOW);
    }
  });

  it('still answers a revoked token as unauthorized, not expired', async () => {
    const { token } = await login(t.app, 'supervisor.safety');
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) });
    expect(await meAt(token, 60_000)).toBe('401 unauthorized');
  });

  it('signs the same device in again after expiry, keeping its device id', async () => {
    const first = await login(t.app, 'inspector.zhao');
    t.setNow(at(31 * DAY));
    try {
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: {
          username: 'inspector.zhao',
          password: 'demo12345',
          deviceName: 'test',
          deviceId: first.deviceId,
        },
      });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ deviceId: first.deviceId });
      expect((await getAs(t.app, '/api/v1/me', again.json().token)).statusCode).toBe(200);
    } finally {
      t.setNow(TEST_NOW);
    }
  });
});

describe.each(databaseKinds)('configured session limits on %s', (kind) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await demoApp(kind, { app: { sessionLimits: { idleMs: HOUR, absoluteMs: 3 * HOUR } } });
  });
  afterAll(() => t.close());

  it('end sessions at the configured limits, and store them with each session', async () => {
    const idle = await login(t.app, 'inspector.li');
    const busy = await login(t.app, 'inspector.chen');
    const status = async (token: string, ms: number) => {
      t.setNow(at(ms));
      try {
        return (await getAs(t.app, '/api/v1/me', token)).statusCode;
      } finally {
        t.setNow(TEST_NOW);
      }
    };
    expect(await status(idle.token, HOUR - 1000)).toBe(200);
    expect(await status(idle.token, 2 * HOUR)).toBe(401);
    for (const ms of [50, 100, 150].map((m) => m * 60_000)) {
      expect(await status(busy.token, ms)).toBe(200);
    }
    expect(await status(busy.token, 3 * HOUR)).toBe(401);
    const rows = await t.db.query<{ expires_at: Date; idle_timeout_seconds: number }>(
      `SELECT expires_at, idle_timeout_seconds FROM sessions WHERE device_id = $1::uuid`,
      [busy.deviceId],
    );
    expect(rows.map((r) => [new Date(r.expires_at).getTime(), r.idle_timeout_seconds])).toEqual([
      [at(3 * HOUR).getTime(), 3600],
    ]);
  });
});
