import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppProtocolHandler,
  registerAppScheme,
} from '../../../../electron/main/app-protocol';

// Made at collection time so that the cases below can name its absolute path.
const base = mkdtempSync(join(tmpdir(), 'fi-protocol-'));
let handler: (request: Request) => Promise<Response>;
const SECRET = 'outside the renderer';

beforeAll(async () => {
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), SECRET);
  handler = createAppProtocolHandler(join(base, 'renderer'), () => policy);
});

let policy = "default-src 'self'";

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the renderer files with their content types', async () => {
    const index = await get('app://bundle/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>app</title>');
    const script = await get('app://bundle/assets/app.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5c..%5csecret.txt',
    'app://bundle/%2e%2e%2f%2e%2e%2fsecret.txt',
    `app://bundle/${encodeURIComponent(join(base, 'secret.txt'))}`,
    'app://bundle/index.html%00.js',
  ])('refuses to leave the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 403 to an encoded parent path', async () => {
    expect((await get('app://bundle/..%2fsecret.txt')).status).toBe(403);
  });

  it('sends the Content Security Policy of the moment with every answer', async () => {
    policy = "default-src 'self'; connect-src 'self' https://hq.example.gov.cn";
    expect((await get('app://bundle/')).headers.get('content-security-policy')).toBe(policy);
    expect((await get('app://bundle/assets/app.js')).headers.get('content-security-policy')).toBe(
      policy,
    );
    expect((await get('app://bundle/missing.js')).headers.get('content-security-policy')).toBe(
      policy,
    );
    policy = "default-src 'self'; connect-src 'self' https://hq2.example.gov.cn";
    expect((await get('app://bundle/')).headers.get('content-security-policy')).toBe(policy);
  });

  it('answers only its own host, GET and HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://bundle/missing.js')).status).toBe(404);
    expect((await get('app://bundle/assets')).status).toBe(404);
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bundle/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registerAppScheme', () => {
  it('registers app:// as a standard, secure scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });
});
