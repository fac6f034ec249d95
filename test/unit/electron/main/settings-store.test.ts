import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  DEFAULT_SERVER_URL,
  defaultSettings,
} from '../../../../electron/main/settings-store';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fi-settings-'));
  file = join(dir, 'nested', 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('defaultSettings', () => {
  it('takes the server from FI_SERVER_URL when it is a valid http(s) URL', () => {
    expect(defaultSettings({})).toEqual({
      serverUrl: DEFAULT_SERVER_URL,
      language: 'system',
      allowInsecureHttp: false,
    });
    expect(defaultSettings({ FI_SERVER_URL: 'https://hq.example.gov.cn/' }).serverUrl).toBe(
      'https://hq.example.gov.cn',
    );
    expect(defaultSettings({ FI_SERVER_URL: 'ftp://hq.example' }).serverUrl).toBe(
      DEFAULT_SERVER_URL,
    );
  });

  it('never allows insecure connections from the environment', () => {
    expect(defaultSettings({ FI_SERVER_URL: 'http://10.0.0.5:8787' })).toEqual({
      serverUrl: 'http://10.0.0.5:8787',
      language: 'system',
      allowInsecureHttp: false,
    });
  });
});

describe('createSettingsStore', () => {
  it('starts from the defaults when there is no file', async () => {
    const store = createSettingsStore(file, {});
    expect(await store.get()).toEqual({
      serverUrl: 'http://127.0.0.1:8787',
      language: 'system',
      allowInsecureHttp: false,
    });
  });

  it('persists a valid change for the next start', async () => {
    const store = createSettingsStore(file, {});
    expect(await store.set({ serverUrl: 'https://hq.example.gov.cn/', language: 'en' })).toEqual({
      serverUrl: 'https://hq.example.gov.cn',
      language: 'en',
      allowInsecureHttp: false,
    });
    const reopened = createSettingsStore(file, {});
    expect(await reopened.get()).toEqual({
      serverUrl: 'https://hq.example.gov.cn',
      language: 'en',
      allowInsecureHttp: false,
    });
    await reopened.set({ language: 'zh-CN' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      serverUrl: 'https://hq.example.gov.cn',
      language: 'zh-CN',
      allowInsecureHttp: false,
    });
  });

  it('refuses plain http to another computer unless the same change allows it', async () => {
    const store = createSettingsStore(file, {});
    await store.set({ language: 'en' });
    const before = await readFile(file, 'utf8');
    await expect(store.set({ serverUrl: 'http://10.0.0.5:8787' })).rejects.toThrow(
      'serverUrl.insecure',
    );
    await expect(store.set({ serverUrl: 'HTTP://HQ.EXAMPLE.GOV.CN' })).rejects.toThrow(
      'serverUrl.insecure',
    );
    await expect(
      store.set({ serverUrl: 'http://127.0.0.1@evil.example', allowInsecureHttp: true }),
    ).rejects.toThrow('serverUrl.credentials');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await store.get()).serverUrl).toBe(DEFAULT_SERVER_URL);

    expect(await store.set({ serverUrl: 'http://10.0.0.5:8787', allowInsecureHttp: true })).toEqual(
      { serverUrl: 'http://10.0.0.5:8787', language: 'en', allowInsecureHttp: true },
    );
    expect(await store.set({ serverUrl: 'http://[::1]:8787', allowInsecureHttp: false })).toEqual({
      serverUrl: 'http://[::1]:8787',
      language: 'en',
      allowInsecureHttp: false,
    });
  });

  it('keeps an address whose permission was turned off, for the client to refuse', async () => {
    const store = createSettingsStore(file, {});
    await store.set({ serverUrl: 'http://10.0.0.5:8787', allowInsecureHttp: true });
    await store.set({ allowInsecureHttp: false });
    const reopened = createSettingsStore(file, {});
    expect(await reopened.get()).toEqual({
      serverUrl: 'http://10.0.0.5:8787',
      language: 'system',
      allowInsecureHttp: false,
    });
    expect((await reopened.set({ language: 'en' })).language).toBe('en');
    await expect(reopened.set({ serverUrl: 'http://10.0.0.5:8787' })).rejects.toThrow(
      'serverUrl.insecure',
    );
  });

  it('refuses an invalid change and keeps what was saved', async () => {
    const store = createSettingsStore(file, {});
    await store.set({ language: 'en' });
    const before = await readFile(file, 'utf8');
    await expect(store.set({ serverUrl: 'javascript:alert(1)' })).rejects.toThrow();
    // @ts-expect-error: a language outside the contract, as a compromised renderer might send
    await expect(store.set({ language: 'fr' })).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await store.get()).language).toBe('en');
  });

  it('falls back to the defaults when the file is damaged or invalid', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'nested'), { recursive: true });
    await writeFile(file, '{ not json');
    expect(await createSettingsStore(file, {}).get()).toEqual(defaultSettings({}));
    await writeFile(file, JSON.stringify({ serverUrl: 'file:///etc', language: 'en' }));
    expect(await createSettingsStore(file, {}).get()).toEqual(defaultSettings({}));
  });
});
