import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSchema } from '../../domain/schemas/user';
import { loginResponseSchema, meResponseSchema } from '../../domain/sync/protocol';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, getAs, login, postJson } from '../support/demo-app';
import { databaseKinds } from '../support/test-databases';

const LOGIN = '/api/v1/auth/login';

describe.each(databaseKinds)('auth routes on %s', (kind) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await demoApp(kind);
  });
  afterAll(() => t.close());

  const signInWith = (username: string, password: string, deviceName = 'x') =>
    postJson(t.app, LOGIN, { username, password, deviceName });

  it('signs a demo inspector in and answers /me with the user and agency', async () => {
    const res = await signInWith('inspector.li', 'demo12345', 'Field tablet 1');
    expect(res.statusCode).toBe(200);
    const body = loginResponseSchema.parse(res.json());
    const expected = t.district.users.find((u) => u.record.username === 'inspector.li');
    expect(body.user.id).toBe(expected?.record.id);
    // Public fields only, and every field a user must have (optional ones may be absent).
    const shape = userSchema.shape as Record<
      string,
      { safeParse: (v: unknown) => { success: boolean } }
    >;
    const keys = Object.keys(res.json().user);
    expect(Object.keys(shape)).toEqual(expect.arrayContaining(keys));
    expect(keys).toEqual(
      expect.arrayContaining(
        Object.keys(shape).filter((k) => !shape[k]?.safeParse(undefined).success),
      ),
    );
    expect(res.body).not.toMatch(/scrypt|password/i);

    const me = await getAs(t.app, '/api/v1/me', body.token);
    expect(me.statusCode).toBe(200);
    const meBody = meResponseSchema.parse(me.json());
    expect(meBody.user.username).toBe('inspector.li');
    expect(meBody.agency.id).toBe(expected?.record.agencyId);
  });

  it('accepts the username in any case', async () => {
    const res = await signInWith('Inspector.Wang', 'demo12345');
    expect(res.statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same clear 401', async () => {
    for (const username of ['inspector.wang', 'nobody.here']) {
      const res = await signInWith(username, 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(errorBody(res)).toEqual({
        error: 'invalid_credentials',
        message: 'Wrong username or password.',
      });
    }
  });

  it('names every missing or wrong field in a 400', async () => {
    const res = await postJson(t.app, LOGIN, { username: 'x!', extra: 1 });
    expect(res.statusCode).toBe(400);
    const body = errorBody(res);
    expect(body.error).toBe('invalid_body');
    expect(body.issues?.map((i) => i.path).sort()).toEqual([
      'deviceName',
      'extra',
      'password',
      'username',
    ]);
    expect(body.issues).toContainEqual({ path: 'password', message: 'is required' });
    expect(body.message).toMatch(/password is required/);
    expect(body.message).toMatch(/deviceName is required/);
    expect(body.message).toMatch(/username must be 3–32 characters/);
  });

  const NOT_AN_OBJECT = 'The request body must be a JSON object.';
  it.each<[string, string | undefined, string | undefined, number, Record<string, string>]>([
    ['broken JSON', 'application/json', '{"username": ', 400, { error: 'invalid_json' }],
    ['a JSON array', 'application/json', '[1,2]', 400, { message: NOT_AN_OBJECT }],
    ['no body', undefined, undefined, 400, { error: 'invalid_body' }],
    ['plain text', 'text/plain', 'hi', 400, { message: NOT_AN_OBJECT }],
    ['XML', 'application/xml', '<a/>', 415, { error: 'unsupported_media_type' }],
  ])('refuses %s instead of a JSON object with %i', async (_what, type, payload, status, body) => {
    const res = await t.app.inject({
      method: 'POST',
      url: LOGIN,
      headers: type ? { 'content-type': type } : {},
      payload,
    });
    expect(res.statusCode).toBe(status);
    expect(errorBody(res)).toMatchObject(body);
  });

  it('refuses an oversized body with a JSON 413', async () => {
    const res = await signInWith('inspector.li', 'x'.repeat(70 * 1024));
    expect(res.statusCode).toBe(413);
    expect(errorBody(res)).toEqual({
      error: 'payload_too_large',
      message: 'The request body is too large.',
    });
  });

  it('logout revokes only that device token', async () => {
    const first = await login(t.app, 'supervisor.safety');
    const second = await login(t.app, 'supervisor.safety');
    expect(first.deviceId).not.toBe(second.deviceId);
    const logout = (token: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(token) });
    expect((await logout(first.token)).statusCode).toBe(204);
    const me = await getAs(t.app, '/api/v1/me', first.token);
    expect(me.statusCode).toBe(401);
    expect(errorBody(me).error).toBe('unauthorized');
    expect((await getAs(t.app, '/api/v1/sync/pull', first.token)).statusCode).toBe(401);
    expect((await logout(first.token)).statusCode).toBe(401);
    expect((await getAs(t.app, '/api/v1/me', second.token)).statusCode).toBe(200);
  });

  it('accepts a logout with a JSON content type and an empty body', async () => {
    const { token } = await login(t.app, 'supervisor.safety');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...bearer(token), 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(204);
  });

  it('refuses missing, malformed and unknown tokens with 401', async () => {
    for (const headers of [
      {},
      { authorization: 'Basic abc' },
      bearer('not-a-real-token-at-all-0123456789abcdef'),
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      expect(res.statusCode).toBe(401);
      expect(errorBody(res).error).toBe('unauthorized');
    }
  });

  it('stores tokens only as hashes', async () => {
    const { token } = await login(t.app, 'inspector.chen');
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });
});
