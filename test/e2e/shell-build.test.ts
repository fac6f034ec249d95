// Checks the built desktop app without Electron: the files the main process loads exist where
// it looks for them, the preload is a self-contained CommonJS script that exposes one method per
// channel, and the renderer page carries a strict Content Security Policy: from main with every
// app:// answer in the desktop app (naming the configured server), in a meta tag in browser mode.
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { methodChannels } from '../../domain/platform/contract';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { createDesktopCsp } from '../../electron/main/content-security';
import { buildLayout } from '../../electron/main/paths';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
const mainEntry = join(root, pkg.main);
const layout = buildLayout(join(mainEntry, '..'));
const html = join(layout.rendererDir, 'index.html');

describe('desktop build layout', () => {
  it('has the main entry named by package.json, its preload and the renderer page', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(existsSync(mainEntry)).toBe(true);
    expect(existsSync(layout.preload)).toBe(true);
    expect(existsSync(html)).toBe(true);
  });

  it('needs nothing from node_modules at run time in main', () => {
    const code = readFileSync(mainEntry, 'utf8');
    const imported = [...code.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["']/gm)].map(
      (m) => m[1] ?? '',
    );
    const allowed = new Set([
      'electron',
      ...builtinModules,
      ...builtinModules.map((m) => `node:${m}`),
    ]);
    expect(imported.filter((name) => !allowed.has(name))).toEqual([]);
    expect(code).not.toMatch(/\brequire\(/);
  });
});

describe('preload', () => {
  const code = readFileSync(layout.preload, 'utf8');

  it('is CommonJS, with no ES module statements', () => {
    expect(code).toMatch(/\brequire\(["']electron["']\)/);
    expect(code).not.toMatch(/^\s*import[\s{*'"]/m);
    expect(code).not.toMatch(/^\s*export[\s{*]/m);
    expect(code).not.toMatch(/\bimport\.meta\b/);
  });

  it('runs with nothing but electron, exposing one method per channel', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args);
          return null;
        },
      },
    };
    // A sandboxed preload may require only 'electron' (and a few polyfilled builtins).
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`the sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(methodChannels).sort());
    for (const [method, channel] of Object.entries(methodChannels)) {
      invoked.length = 0;
      await api[method]?.('argument');
      expect(invoked).toEqual([[channel, 'argument']]);
    }
  });
});

/** An attribute's value, with the character references a build may write decoded. */
function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i'));
  return (match?.[1] ?? match?.[2])
    ?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The directives of a policy. */
function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** The directives of the page's CSP meta tag (an empty map when there is none). */
function cspOf(page: string): Map<string, string[]> {
  const tag = [...page.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .find((t) => attribute(t, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  return directivesOf(tag ? (attribute(tag, 'content') ?? '') : '');
}

function expectStrict(csp: Map<string, string[]>): void {
  expect(csp.get('default-src')).toEqual(["'self'"]);
  for (const sources of csp.values()) {
    expect(sources).not.toContain("'unsafe-eval'");
    expect(sources).not.toContain('http:');
    expect(sources).not.toContain('https:');
    expect(sources).not.toContain('*');
  }
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts.filter((s) => s !== "'self'" && !s.startsWith("'sha"))).toEqual([]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
}

describe('desktop Content Security Policy', () => {
  const server = 'https://hq.example.gov.cn:8443';
  const csp = createDesktopCsp({
    serverUrl: `${server}/fi`,
    language: 'system',
    allowInsecureHttp: false,
  });
  const serve = createAppProtocolHandler(layout.rendererDir, () => csp.policy());

  it('comes with the built page from main, strict, connecting only to the configured server', async () => {
    const page = await serve(new Request('app://bundle/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const policy = directivesOf(page.headers.get('content-security-policy') ?? '');
    expectStrict(policy);
    expect(policy.get('connect-src')).toEqual(["'self'", server]);
  });

  it('is not also in the page, where it could not follow the settings', () => {
    expect(cspOf(readFileSync(html, 'utf8')).size).toBe(0);
  });
});

describe('browser-mode Content Security Policy', () => {
  const csp = cspOf(readFileSync(join(root, 'dist/web/index.html'), 'utf8'));

  it('is in the page, strict, connecting only to the server that served it', () => {
    expectStrict(csp);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
});
