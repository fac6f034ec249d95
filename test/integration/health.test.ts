import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthResponseSchema } from '../../domain/sync/protocol';
import { migrate, migrations } from '../../server/src/db/migrations';
import type { DemoApp } from '../support/demo-app';
import { demoApp, errorBody } from '../support/demo-app';
import { databaseKinds, freshDatabase } from '../support/test-databases';
import { buildApp } from '../../server/src/app';

describe.each(databaseKinds)('health and app-wide behaviour on %s', (kind) => {
  let t: DemoApp;
  beforeAll(async () => {
    t = await demoApp(kind, { seed: false });
  });
  afterAll(() => t.close());

  it('reports the database kind and the schema version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(healthResponseSchema.parse(res.json())).toEqual({
      ok: true,
      database: kind,
      schemaVersion: Math.max(...migrations.map((m) => m.version)),
    });
  });

  it('answers 503 when the database does not answer', async () => {
    const db = await freshDatabase(kind);
    const app = await buildApp({ db });
    await db.close();
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: false, database: kind, schemaVersion: 0 });
  });

  it('applies each migration once, in order', async () => {
    const latest = Math.max(...migrations.map((m) => m.version));
    expect(await migrate(t.db)).toBe(latest);
    const applied = await t.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(applied.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(errorBody(res)).toEqual({
      error: 'not_found',
      message: 'There is no GET /api/v1/nothing-here.',
    });
  });

  it('allows cross-origin API calls with a bearer token', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/sync/pull',
      headers: {
        origin: 'app://field-inspector',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Authorization/);
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.headers['access-control-allow-origin']).toBe('*');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
  });
});
