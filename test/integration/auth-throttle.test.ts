// Sign-in throttling slows what failures came from, never anyone else: a pair (username,
// address) waits longer after each failure, an address that fails for many usernames waits too,
// and nothing a stranger does from elsewhere delays the real user signing in from her address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_FREE_FAILURES,
  MAX_DELAY_MS,
  PAIR_FREE_FAILURES,
} from '../../server/src/auth/login-rate-limit';
import type { DemoApp } from '../support/demo-app';
import { DEMO_PASSWORD_FOR_TESTS, TEST_NOW, demoApp, errorBody } from '../support/demo-app';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('sign-in throttling on %s', (kind) => {
  let t: DemoApp;
  let now = TEST_NOW;
  beforeAll(async () => {
    t = await demoApp(kind);
  });
  afterAll(() => t.close());

  const wait = (seconds: number) => {
    now = new Date(now.getTime() + seconds * 1000);
    t.setNow(now);
  };

  function signIn(username: string, password: string, remoteAddress: string) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password, deviceName: 'x' }),
    });
  }

  /** Fails until refused; returns the Retry-After of the refusal and the failures before it. */
  async function failUntilRefused(username: string, address: string) {
    for (let failures = 0; failures < 100; failures++) {
      const res = await signIn(username, 'not-the-password', address);
      if (res.statusCode === 429) {
        expect(errorBody(res).error).toBe('too_many_attempts');
        return { failures, retryAfter: Number(res.headers['retry-after']) };
      }
      expect(res.statusCode).toBe(401);
    }
    throw new Error('never refused');
  }

  async function storedAttempts(username: string) {
    const rows = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM login_attempts WHERE username = $1',
      [username],
    );
    return rows[0]?.n ?? 0;
  }

  it("does not slow the real user's sign-in from her address for a stranger's failures elsewhere", async () => {
    const stranger = '203.0.113.66';
    let refusal = await failUntilRefused('inspector.li', stranger);
    expect(refusal.failures).toBe(PAIR_FREE_FAILURES + 1);
    // The stranger goes on as fast as he is let in, until he waits the longest delay.
    for (let round = 0; round < 11; round++) {
      wait(refusal.retryAfter);
      refusal = await failUntilRefused('inspector.li', stranger);
      expect(refusal.failures).toBe(1);
    }
    expect(refusal.retryAfter).toBe(MAX_DELAY_MS / 1000);
    // Meanwhile, from her own address, she mistypes once and then signs in: never refused.
    expect((await signIn('inspector.li', 'demo1234', '198.51.100.7')).statusCode).toBe(401);
    expect((await signIn('inspector.li', DEMO_PASSWORD_FOR_TESTS, '198.51.100.7')).statusCode).toBe(
      200,
    );
  });

  it('doubles the wait after each further failure of a pair, from a second up to the cap', async () => {
    const address = '192.0.2.10';
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const { failures, retryAfter } = await failUntilRefused('inspector.chen', address);
      expect(failures).toBe(i === 0 ? PAIR_FREE_FAILURES + 1 : 1);
      waits.push(retryAfter);
      // Trying again before the wait is over is refused, and not counted.
      wait(retryAfter - 1);
      const early = await signIn('inspector.chen', DEMO_PASSWORD_FOR_TESTS, address);
      expect(early.statusCode).toBe(429);
      expect(Number(early.headers['retry-after'])).toBe(1);
      wait(1);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    // The right password, once let in, signs her in and starts the pair afresh.
    expect((await signIn('inspector.chen', DEMO_PASSWORD_FOR_TESTS, address)).statusCode).toBe(200);
    expect((await failUntilRefused('inspector.chen', address)).failures).toBe(
      PAIR_FREE_FAILURES + 1,
    );
  });

  it('slows an address that fails for many usernames, and no other address', async () => {
    const guesser = '192.0.2.77';
    for (let i = 0; i <= ADDRESS_FREE_FAILURES; i++) {
      expect((await signIn(`guess.${i}`, 'guessing', guesser)).statusCode).toBe(401);
    }
    const refused = await signIn('guess.x', 'guessing', guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(errorBody(refused).message).toMatch(/from this address.*1 second/);
    expect(await storedAttempts('guess.x')).toBe(0);
    // A real user of the same address waits that second too; one from elsewhere does not.
    expect((await signIn('inspector.wang', DEMO_PASSWORD_FOR_TESTS, guesser)).statusCode).toBe(429);
    expect((await signIn('inspector.wang', DEMO_PASSWORD_FOR_TESTS, '192.0.2.78')).statusCode).toBe(
      200,
    );
    wait(1);
    expect((await signIn('inspector.wang', DEMO_PASSWORD_FOR_TESTS, guesser)).statusCode).toBe(200);
  });

  it('counts an IPv6 subscriber by its /64, whichever address of it each guess comes from', async () => {
    const from = (i: number) => `2001:db8:5:7:${i.toString(16)}::1`;
    for (let i = 0; i <= PAIR_FREE_FAILURES; i++) {
      expect((await signIn('supervisor.env', 'guessing', from(i))).statusCode).toBe(401);
    }
    expect((await signIn('supervisor.env', 'guessing', from(99))).statusCode).toBe(429);
    expect(
      (await signIn('supervisor.env', DEMO_PASSWORD_FOR_TESTS, '2001:db8:5:8::1')).statusCode,
    ).toBe(200);
  });

  it('admits guesses sent all at once one after another, each counting the ones before', async () => {
    const address = '192.0.2.200';
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => signIn('supervisor.safety', 'guessing', address)),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    expect(statuses).toEqual([
      ...Array<number>(PAIR_FREE_FAILURES + 1).fill(401),
      ...Array<number>(10 - PAIR_FREE_FAILURES - 1).fill(429),
    ]);
    expect(await storedAttempts('supervisor.safety')).toBe(PAIR_FREE_FAILURES + 1);
  });
});
