import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';
import { errorBody } from '../support/demo-app';

describe.each(databaseKinds)('the web app at / on %s', (kind) => {
  let db: TestDatabase;
  let webRoot: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await freshDatabase(kind);
    webRoot = mkdtempSync(join(tmpdir(), 'fi-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Field Inspector</title>');
    writeFileSync(join(webRoot, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(join(webRoot, 'assets', 'index-3f9a1c2b.js'), 'console.log(1);');
    app = await buildApp({ db, webRoot });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the entry page and the service worker uncached, hashed assets for a year', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    expect(index.body).toContain('<title>Field Inspector</title>');
    expect(index.headers['cache-control']).toBe('no-cache');
    const sw = await app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-3f9a1c2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("sends the renderer's Content Security Policy, connecting to this server only", async () => {
    for (const url of ['/', '/sw.js', '/assets/index-3f9a1c2b.js']) {
      const res = await app.inject({ method: 'GET', url });
      const policy = String(res.headers['content-security-policy']);
      const connect = policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find(([name]) => name === 'connect-src');
      expect(connect).toEqual(['connect-src', "'self'"]);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
    }
  });

  it('answers a missing file with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(res.statusCode).toBe(404);
    expect(errorBody(res).error).toBe('not_found');
  });

  it('explains how to build the web app when it is missing', async () => {
    const bare = await buildApp({ db, webRoot: join(webRoot, 'not-built') });
    try {
      const res = await bare.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build:web');
    } finally {
      await bare.close();
    }
  });

  it('serves the API and the page over a real socket', async () => {
    const served = await buildApp({ db, webRoot });
    try {
      const address = await served.listen({ host: '127.0.0.1', port: 0 });
      const health = await fetch(`${address}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, database: kind });
      const page = await fetch(`${address}/`);
      expect(await page.text()).toContain('Field Inspector');
    } finally {
      await served.close();
    }
  });
});
