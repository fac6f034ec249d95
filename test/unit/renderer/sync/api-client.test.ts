import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import {
  ApiError,
  NetworkError,
  ProtocolError,
  ServerAddressError,
} from '../../../../renderer/src/sync/errors';
import { makeUser } from '../../../support/record-fixtures';
import { fakeFetch, json } from '../support/fake-hq';

const login = { username: 'inspector.li', password: 'demo12345', deviceName: 'test' };

describe('api client', () => {
  it('logs in with a JSON body and parses the answer', async () => {
    const user = makeUser();
    const answer = { token: 'k'.repeat(43), deviceId: crypto.randomUUID(), user };
    const hq = fakeFetch(() => json(200, answer));
    const client = createApiClient({ serverUrl: 'https://hq.test/', fetch: hq.fetch });
    expect(await client.login(login)).toEqual(answer);
    expect(hq.requests[0]?.url.href).toBe('https://hq.test/api/v1/auth/login');
    expect(hq.requests[0]?.method).toBe('POST');
    expect(hq.requests[0]?.body).toEqual(login);
  });

  it("turns a 401 into an ApiError carrying the server's code and message", async () => {
    const hq = fakeFetch(() =>
      json(401, { error: 'invalid_credentials', message: 'Wrong username or password' }),
    );
    const error = await createApiClient({ serverUrl: 'https://hq.test', fetch: hq.fetch })
      .login(login)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', unauthorized: true });
  });

  it('reads Retry-After on a 429', async () => {
    const hq = fakeFetch(() =>
      json(429, { error: 'rate_limited', message: 'slow down' }, { 'retry-after': '600' }),
    );
    const error = await createApiClient({ serverUrl: 'https://hq.test', fetch: hq.fetch })
      .login(login)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 600 });
  });

  it('carries the server’s lastMid of a refused gap (409 mid_gap) on the ApiError', async () => {
    const hq = fakeFetch(() =>
      json(409, { error: 'mid_gap', message: 'next must be 8', lastMid: 7 }),
    );
    const error = await createApiClient({ serverUrl: 'https://hq.test', fetch: hq.fetch })
      .push({ deviceId: crypto.randomUUID(), schemaVersion: 1, mutations: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'mid_gap', lastMid: 7 });
  });

  it('raises a NetworkError when the server cannot be reached', async () => {
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(client.me()).rejects.toBeInstanceOf(NetworkError);
  });

  it('raises a ProtocolError for an answer that does not match the protocol', async () => {
    const hq = fakeFetch(() => json(200, { changes: 'nope' }));
    const client = createApiClient({ serverUrl: 'https://hq.test', fetch: hq.fetch });
    await expect(client.pull({ cursor: null })).rejects.toBeInstanceOf(ProtocolError);
  });

  it('keeps a non-JSON error readable', async () => {
    const hq = fakeFetch(
      () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const client = createApiClient({ serverUrl: 'https://hq.test', fetch: hq.fetch });
    await expect(client.me()).rejects.toMatchObject({ status: 502, message: 'Bad Gateway' });
  });
});

describe('api client transport rule', () => {
  const answer = () => new Response(null, { status: 204 });

  it.each([
    'http://10.0.0.5:8787',
    'HTTP://HQ.EXAMPLE.GOV.CN',
    'http://127.0.0.1.nip.io',
    'http://[::ffff:127.0.0.1]:8787',
  ])('refuses plain http to another computer and sends nothing: %s', async (serverUrl) => {
    const hq = fakeFetch(answer);
    const error = await createApiClient({ serverUrl, token: 't'.repeat(43), fetch: hq.fetch })
      .me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerAddressError);
    expect(error).toMatchObject({ problem: 'insecure' });
    expect(hq.requests).toEqual([]);
  });

  it('refuses a user name before the host, the 127.0.0.1@evil.example trick', async () => {
    const hq = fakeFetch(answer);
    const client = createApiClient({
      serverUrl: 'http://127.0.0.1@evil.example',
      fetch: hq.fetch,
      allowInsecureHttp: () => true,
    });
    await expect(client.login(login)).rejects.toMatchObject({ problem: 'credentials' });
    expect(hq.requests).toEqual([]);
  });

  it.each(['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787'])(
    'lets plain http reach this computer: %s',
    async (serverUrl) => {
      const hq = fakeFetch(answer);
      await createApiClient({ serverUrl, fetch: hq.fetch }).logout();
      expect(hq.requests).toHaveLength(1);
    },
  );

  it('asks at each request, so turning the permission off stops a client in use', async () => {
    const hq = fakeFetch(answer);
    let allowed = true;
    const client = createApiClient({
      serverUrl: 'http://10.0.0.5:8787',
      fetch: hq.fetch,
      allowInsecureHttp: () => allowed,
    });
    await client.logout();
    expect(hq.requests[0]?.url.href).toBe('http://10.0.0.5:8787/api/v1/auth/logout');
    allowed = false;
    await expect(client.logout()).rejects.toBeInstanceOf(ServerAddressError);
    await expect(client.pull({ cursor: null })).rejects.toBeInstanceOf(ServerAddressError);
    expect(hq.requests).toHaveLength(1);
  });
});
