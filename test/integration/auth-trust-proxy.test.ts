// Behind a trusted TLS proxy the client's address is the one X-Forwarded-For gives: it is what
// sign-in attempts are counted and recorded under. From anyone else the header is ignored, so a
// client cannot pick the address its guesses are counted under.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAIR_FREE_FAILURES } from '../../server/src/auth/login-rate-limit';
import { buildApp } from '../../server/src/app';
import type { DemoApp } from '../support/demo-app';
import { DEMO_PASSWORD_FOR_TESTS, TEST_NOW, demoApp } from '../support/demo-app';
import { databaseKinds } from '../support/test-databases';

const PROXY = '10.0.0.5';

describe.each(databaseKinds)('the client address on %s', (kind) => {
  let t: DemoApp;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    t = await demoApp(kind);
    // The same database behind a server that trusts the proxy's network.
    proxied = await buildApp({ db: t.db, clock: () => TEST_NOW, trustProxy: ['10.0.0.0/24'] });
  });
  afterAll(async () => {
    await proxied.close();
    await t.close();
  });

  function signIn(
    app: FastifyInstance,
    username: string,
    password: string,
    remoteAddress: string,
    forwardedFor?: string,
  ) {
    return app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      payload: JSON.stringify({ username, password, deviceName: 'x' }),
    });
  }

  const recordedAddresses = async (username: string) =>
    (
      await t.db.query<{ ip: string }>(
        'SELECT DISTINCT ip FROM login_attempts WHERE username = $1 ORDER BY ip',
        [username],
      )
    ).map((r) => r.ip);

  it('ignores X-Forwarded-For when no proxy is trusted: a forged header changes nothing', async () => {
    const attacker = '198.51.100.23';
    const statuses: number[] = [];
    for (let i = 0; i < PAIR_FREE_FAILURES + 3; i++) {
      const res = await signIn(t.app, 'inspector.li', 'guessing', attacker, `203.0.113.${i + 1}`);
      statuses.push(res.statusCode);
    }
    // Counted under the connection's address, as if the header were not there.
    expect(statuses).toEqual([
      ...Array<number>(PAIR_FREE_FAILURES + 1).fill(401),
      ...Array<number>(2).fill(429),
    ]);
    expect(await recordedAddresses('inspector.li')).toEqual([attacker]);
    // The addresses named in the header are not slowed by it either.
    const named = await signIn(t.app, 'inspector.li', DEMO_PASSWORD_FOR_TESTS, '203.0.113.1');
    expect(named.statusCode).toBe(200);
  });

  it('throttles and records the client address a trusted proxy reports', async () => {
    const stranger = '203.0.113.66';
    const her = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < PAIR_FREE_FAILURES + 3; i++) {
      statuses.push(
        (await signIn(proxied, 'inspector.chen', 'guessing', PROXY, stranger)).statusCode,
      );
    }
    expect(statuses.slice(-2)).toEqual([429, 429]);
    // Through the same proxy, from her own address, she is not slowed.
    const hers = await signIn(proxied, 'inspector.chen', DEMO_PASSWORD_FOR_TESTS, PROXY, her);
    expect(hers.statusCode).toBe(200);
    expect(await recordedAddresses('inspector.chen')).toEqual([her, stranger].sort());
  });

  it('takes the address the trusted proxy saw, not what the client wrote before it', async () => {
    // The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it saw.
    const res = await signIn(
      proxied,
      'inspector.wang',
      DEMO_PASSWORD_FOR_TESTS,
      PROXY,
      '192.0.2.1, 198.51.100.99',
    );
    expect(res.statusCode).toBe(200);
    expect(await recordedAddresses('inspector.wang')).toEqual(['198.51.100.99']);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const res = await signIn(
      proxied,
      'inspector.zhao',
      DEMO_PASSWORD_FOR_TESTS,
      '198.51.100.50',
      '10.0.0.77',
    );
    expect(res.statusCode).toBe(200);
    expect(await recordedAddresses('inspector.zhao')).toEqual(['198.51.100.50']);
  });
});
