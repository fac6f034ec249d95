import { describe, expect, it } from 'vitest';
import {
  createWebPlatform,
  REVOCATIONS_KEY,
  SESSION_KEY,
  SETTINGS_KEY,
} from '../../../../../renderer/src/shared/platform/web-platform';
import type { WebPlatformDeps } from '../../../../../renderer/src/shared/platform/web-platform';
import { makeSession } from '../../../../support/record-fixtures';

function setup(origin = 'https://hq.example:8787') {
  const downloads: { name: string; blob: Blob }[] = [];
  const prints: string[] = [];
  const deps: WebPlatformDeps = {
    download: (name, blob) => downloads.push({ name, blob }),
    print: (fileName) => {
      prints.push(fileName);
    },
    navigatorLanguage: () => 'en-US',
    userAgentPlatform: () => 'Linux x86_64',
  };
  const api = createWebPlatform(window.localStorage, { origin }, deps);
  return { api, downloads, prints: () => prints };
}

describe('web platform settings', () => {
  it('uses the page origin as the server, the system language and no insecure http', async () => {
    const { api } = setup();
    expect(await api.getSettings()).toEqual({
      serverUrl: 'https://hq.example:8787',
      language: 'system',
      allowInsecureHttp: false,
    });
  });

  it('stores a valid patch', async () => {
    const { api } = setup();
    const next = await api.setSettings({ serverUrl: 'https://hq.example:8787/', language: 'en' });
    expect(next).toEqual({
      serverUrl: 'https://hq.example:8787',
      language: 'en',
      allowInsecureHttp: false,
    });
    expect(await setup().api.getSettings()).toEqual(next);
  });

  it('talks only to the server it was opened from, as its page policy says', async () => {
    const { api } = setup();
    await api.setSettings({ language: 'zh-CN' });
    await expect(api.setSettings({ serverUrl: 'https://other.example' })).rejects.toThrow(
      /settings\.serverUrl/,
    );
    await expect(api.setSettings({ serverUrl: 'ftp://hq.example' })).rejects.toThrow();
    await expect(api.setSettings({ serverUrl: 'not a url' })).rejects.toThrow();
    // What an earlier version stored is not used.
    window.localStorage.setItem(
      SETTINGS_KEY,
      JSON.stringify({ serverUrl: 'https://other.example', language: 'zh-CN' }),
    );
    expect(await api.getSettings()).toEqual({
      serverUrl: 'https://hq.example:8787',
      language: 'zh-CN',
      allowInsecureHttp: false,
    });
  });

  it('refuses plain http to another computer until insecure connections are allowed', async () => {
    const { api } = setup('http://10.0.0.5:8787');
    await expect(api.setSettings({ serverUrl: 'http://10.0.0.5:8787' })).rejects.toThrow(
      'serverUrl.insecure',
    );
    expect(window.localStorage.getItem(SETTINGS_KEY)).toBeNull();
    expect(
      await api.setSettings({ serverUrl: 'http://10.0.0.5:8787', allowInsecureHttp: true }),
    ).toMatchObject({ allowInsecureHttp: true });
    // Turning it off again is always possible; the client then refuses the server.
    expect(await api.setSettings({ allowInsecureHttp: false })).toMatchObject({
      serverUrl: 'http://10.0.0.5:8787',
      allowInsecureHttp: false,
    });
  });

  it('ignores damaged stored settings', async () => {
    window.localStorage.setItem(SETTINGS_KEY, '{"serverUrl": 42, "language": "fr"');
    expect((await setup().api.getSettings()).serverUrl).toBe('https://hq.example:8787');
  });
});

describe('web platform session', () => {
  it('round-trips a session and clears it', async () => {
    const { api } = setup();
    expect(await api.loadSession()).toBeNull();
    const session = makeSession();
    await api.storeSession(session);
    expect(await api.loadSession()).toEqual(session);
    await api.clearSession();
    expect(await api.loadSession()).toBeNull();
    expect(window.localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('refuses to store an invalid session and does not load a tampered one', async () => {
    const { api } = setup();
    await expect(api.storeSession({ ...makeSession(), token: 'short' })).rejects.toThrow();
    window.localStorage.setItem(SESSION_KEY, JSON.stringify({ token: 'x' }));
    expect(await api.loadSession()).toBeNull();
  });
});

describe('web platform tokens to revoke', () => {
  const pending = { serverUrl: 'http://hq.example:8787', token: 'k'.repeat(43) };

  it('keeps them until the list is emptied', async () => {
    const { api } = setup();
    expect(await api.loadRevocations()).toEqual([]);
    await api.storeRevocations([pending]);
    expect(await api.loadRevocations()).toEqual([pending]);
    await api.storeRevocations([]);
    expect(window.localStorage.getItem(REVOCATIONS_KEY)).toBeNull();
    expect(await api.loadRevocations()).toEqual([]);
  });

  it('refuses malformed entries and ignores a damaged list', async () => {
    const { api } = setup();
    await expect(api.storeRevocations([{ ...pending, token: 'short' }])).rejects.toThrow();
    window.localStorage.setItem(REVOCATIONS_KEY, '[{"token": 1}]');
    expect(await api.loadRevocations()).toEqual([]);
  });
});

describe('web platform files', () => {
  it('downloads saved files and prints through the browser', async () => {
    const { api, downloads, prints } = setup();
    // Built in the test's own realm: jsdom's TextEncoder answers with another realm's Uint8Array.
    const data = Uint8Array.from('hello', (c) => c.charCodeAt(0));
    expect(await api.saveFile({ defaultName: 'record.txt', filters: [], data })).toEqual({
      saved: true,
      path: null,
    });
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toBe('record.txt');
    expect(await downloads[0]?.blob.text()).toBe('hello');
    // The browser suggests the page's title as the PDF's name, and adds .pdf itself.
    await api.printToPdf({ defaultName: '现场检查记录-上虞精细化工-2026-12-05.pdf' });
    expect(prints()).toEqual(['现场检查记录-上虞精细化工-2026-12-05']);
  });

  it('rejects a file name with a path in it', async () => {
    const { api, downloads } = setup();
    await expect(
      api.saveFile({ defaultName: '../x.txt', filters: [], data: new Uint8Array(1) }),
    ).rejects.toThrow();
    expect(downloads).toHaveLength(0);
  });

  it('reports itself as the web shell', async () => {
    expect((await setup().api.appInfo()).shell).toBe('web');
  });
});
