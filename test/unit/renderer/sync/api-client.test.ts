import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../../renderer/src/sync/api-client';
import { ApiError, NetworkError, ProtocolError } from '../../../../renderer/src/sync/errors';
import { makeUser } from '../support/fixtures';
import { fakeFetch, json } from '../support/fake-hq';

const login = { username: 'inspector.li', password: 'demo12345', deviceName: 'test' };

describe('api client', () => {
  it('logs in with a JSON body and parses the answer', async () => {
    const user = makeUser();
    const answer = { token: 'k'.repeat(43), deviceId: crypto.randomUUID(), user };
    const hq = fakeFetch(() => json(200, answer));
    const client = createApiClient({ serverUrl: 'http://hq.test/', fetch: hq.fetch });
    expect(await client.login(login)).toEqual(answer);
    expect(hq.requests[0]?.url.href).toBe('http://hq.test/api/v1/auth/login');
    expect(hq.requests[0]?.method).toBe('POST');
    expect(hq.requests[0]?.body).toEqual(login);
  });

  it("turns a 401 into an ApiError carrying the server's code and message", async () => {
    const hq = fakeFetch(() =>
      json(401, { error: 'invalid_credentials', message: 'Wrong username or password' }),
    );
    const error = await createApiClient({ serverUrl: 'http://hq.test', fetch: hq.fetch })
      .login(login)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_credentials', unauthorized: true });
  });

  it('reads Retry-After on a 429', async () => {
    const hq = fakeFetch(() =>
      json(429, { error: 'rate_limited', message: 'slow down' }, { 'retry-after': '600' }),
    );
    const error = await createApiClient({ serverUrl: 'http://hq.test', fetch: hq.fetch })
      .login(login)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 600 });
  });

  it('carries the server’s lastMid of a refused gap (409 mid_gap) on the ApiError', async () => {
    const hq = fakeFetch(() =>
      json(409, { error: 'mid_gap', message: 'next must be 8', lastMid: 7 }),
    );
    const error = await createApiClient({ serverUrl: 'http://hq.test', fetch: hq.fetch })
      .push({ deviceId: crypto.randomUUID(), schemaVersion: 1, mutations: [] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'mid_gap', lastMid: 7 });
  });

  it('raises a NetworkError when the server cannot be reached', async () => {
    const client = createApiClient({
      serverUrl: 'http://hq.test',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await expect(client.me()).rejects.toBeInstanceOf(NetworkError);
  });

  it('raises a ProtocolError for an answer that does not match the protocol', async () => {
    const hq = fakeFetch(() => json(200, { changes: 'nope' }));
    const client = createApiClient({ serverUrl: 'http://hq.test', fetch: hq.fetch });
    await expect(client.pull({ cursor: null })).rejects.toBeInstanceOf(ProtocolError);
  });

  it('keeps a non-JSON error readable', async () => {
    const hq = fakeFetch(
      () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const client = createApiClient({ serverUrl: 'http://hq.test', fetch: hq.fetch });
    await expect(client.me()).rejects.toMatchObject({ status: 502, message: 'Bad Gateway' });
  });
});
