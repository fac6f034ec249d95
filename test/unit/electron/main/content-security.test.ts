import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../domain/platform/contract';
import type { HeaderHook } from '../../../../electron/main/content-security';
import {
  applyCspToDevServer,
  createDesktopCsp,
  reportingSessionServer,
  serverConnectOrigins,
} from '../../../../electron/main/content-security';
import { contentSecurityPolicy } from '../../../../domain/transport/content-security-policy';
import { createSessionStore } from '../../../../electron/main/session-store';
import { fakeSafeStorage } from '../fake-safe-storage';
import { sampleSession } from '../sample-session';

const settings = (patch: Partial<Settings> = {}): Settings => ({
  serverUrl: 'https://hq.example.gov.cn',
  language: 'system',
  allowInsecureHttp: false,
  ...patch,
});

const connectSrc = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src')
    ?.slice(1);

describe('createDesktopCsp', () => {
  it("names the configured server's origin, not all of http: and https:", () => {
    const csp = createDesktopCsp(settings({ serverUrl: 'https://hq.example.gov.cn:8443/fi' }));
    expect(connectSrc(csp.policy())).toEqual(["'self'", 'https://hq.example.gov.cn:8443']);
  });

  it('follows a change of server, and says when the page must reload for it', () => {
    const csp = createDesktopCsp(settings());
    expect(csp.updateSettings(settings({ language: 'en' }))).toBe(false);
    expect(csp.updateSettings(settings({ serverUrl: 'https://hq2.example.gov.cn' }))).toBe(true);
    expect(connectSrc(csp.policy())).toEqual(["'self'", 'https://hq2.example.gov.cn']);
  });

  it('names a plain-http server on another computer only while the user allows it', () => {
    const csp = createDesktopCsp(settings({ serverUrl: 'http://10.0.0.5:8787' }));
    expect(connectSrc(csp.policy())).toEqual(["'self'"]);
    expect(
      csp.updateSettings(settings({ serverUrl: 'http://10.0.0.5:8787', allowInsecureHttp: true })),
    ).toBe(true);
    expect(connectSrc(csp.policy())).toEqual(["'self'", 'http://10.0.0.5:8787']);
  });

  it('keeps the server of the signed-in session while Settings name another', () => {
    const csp = createDesktopCsp(settings({ serverUrl: 'https://new.example.gov.cn' }));
    csp.updateSessionServer('https://old.example.gov.cn');
    expect(connectSrc(csp.policy())).toEqual([
      "'self'",
      'https://new.example.gov.cn',
      'https://old.example.gov.cn',
    ]);
    csp.updateSessionServer(null);
    expect(connectSrc(csp.policy())).toEqual(["'self'", 'https://new.example.gov.cn']);
  });
});

describe('reportingSessionServer', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fi-csp-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the server of the remembered session as it is loaded, stored and cleared', async () => {
    const reported: (string | null)[] = [];
    const file = join(dir, 'session.bin');
    const encryptor = fakeSafeStorage();
    const store = reportingSessionServer(createSessionStore(file, encryptor), (url) =>
      reported.push(url),
    );
    expect(await store.load()).toBeNull();
    await store.store(sampleSession());
    await store.load();
    await store.clear();
    expect(reported).toEqual([null, sampleSession().serverUrl, sampleSession().serverUrl, null]);
  });
});

describe('applyCspToDevServer', () => {
  it("replaces the development server's policy with the app's", () => {
    let listener: Parameters<HeaderHook['onHeadersReceived']>[1] | undefined;
    let filter: { urls: string[] } | undefined;
    applyCspToDevServer(
      {
        onHeadersReceived: (f, l) => {
          filter = f;
          listener = l;
        },
      },
      'http://localhost:5173',
      () => "default-src 'self'",
    );
    expect(filter).toEqual({ urls: ['http://localhost:5173/*'] });
    let answered: Record<string, string[]> | undefined;
    listener?.(
      {
        responseHeaders: {
          'content-type': ['text/html'],
          'Content-Security-Policy': ['default-src *'],
        },
      },
      (response) => (answered = response.responseHeaders),
    );
    expect(answered).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    });
  });
});

describe('serverConnectOrigins', () => {
  const strict = { allowInsecureHttp: false };

  it('names each allowed server by its origin, once', () => {
    expect(
      serverConnectOrigins(
        ['https://hq.example.gov.cn/base/', 'https://HQ.example.gov.cn', null],
        strict,
      ),
    ).toEqual(['https://hq.example.gov.cn']);
    expect(
      serverConnectOrigins(['http://127.0.0.1:8787', 'https://hq.example.gov.cn:8443'], strict),
    ).toEqual(['http://127.0.0.1:8787', 'https://hq.example.gov.cn:8443']);
  });

  it('leaves out a server the transport rule refuses', () => {
    expect(serverConnectOrigins(['http://10.0.0.5:8787'], strict)).toEqual([]);
    expect(serverConnectOrigins(['http://127.0.0.1@evil.example'], strict)).toEqual([]);
    expect(serverConnectOrigins(['http://10.0.0.5:8787'], { allowInsecureHttp: true })).toEqual([
      'http://10.0.0.5:8787',
    ]);
  });

  it('builds the policy for a configured server', () => {
    const policy = contentSecurityPolicy(
      serverConnectOrigins(['https://hq.example.gov.cn/fi'], strict),
    );
    expect(connectSrc(policy)).toEqual(["'self'", 'https://hq.example.gov.cn']);
  });
});
