import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../../../domain/platform/contract';
import { channels } from '../../../../../domain/platform/contract';
import { createOriginCheck, trustedOrigins } from '../../../../../electron/main/app-origin';
import { createSenderCheck } from '../../../../../electron/main/ipc/handle';
import type { IpcDeps } from '../../../../../electron/main/ipc/register';
import { registerIpc } from '../../../../../electron/main/ipc/register';
import { createRevocationStore } from '../../../../../electron/main/revocation-store';
import { createSessionStore } from '../../../../../electron/main/session-store';
import { createSettingsStore } from '../../../../../electron/main/settings-store';
import type { FakeEvent } from '../../fake-ipc';
import { APP_FRAME_URL, eventFrom, FakeIpcMain } from '../../fake-ipc';
import { fakeSafeStorage } from '../../fake-safe-storage';
import { sampleSession } from '../../sample-session';

const allChannels = Object.keys(channels) as Channel[];

/** One valid call per channel; typed by Channel so that a new channel must be added here. */
const validArgs: Record<Channel, unknown[]> = {
  'app:info': [],
  'settings:get': [],
  'settings:set': [{ language: 'en' }],
  'session:load': [],
  'session:store': [sampleSession()],
  'session:clear': [],
  'revocations:load': [],
  'revocations:store': [[{ serverUrl: sampleSession().serverUrl, token: sampleSession().token }]],
  'file:save': [
    {
      defaultName: 'record.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      data: new TextEncoder().encode('a,b\n'),
    },
  ],
  'pdf:print': [{ defaultName: '现场检查记录' }],
};

/** Argument lists that no channel accepts. */
const badArgLists: unknown[][] = [
  [null],
  ['x', 'y', 'z'],
  [{ serverUrl: 'javascript:alert(1)', defaultName: '../../etc/passwd', token: 1 }],
];

let dir: string;
let calls: string[];
let ipc: FakeIpcMain;

function recordingDeps(): IpcDeps<FakeEvent> {
  const settings = createSettingsStore(join(dir, 'settings.json'), {});
  const session = createSessionStore(join(dir, 'session.bin'), fakeSafeStorage());
  const revocations = createRevocationStore(join(dir, 'revocations.bin'), fakeSafeStorage());
  const record =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      calls.push(name);
      return fn(...args);
    };
  return {
    app: {
      getName: record('app.getName', () => 'Field Inspector'),
      getVersion: record('app.getVersion', () => '0.1.0'),
      getLocale: record('app.getLocale', () => 'zh-CN'),
    },
    settings: {
      get: record('settings.get', settings.get),
      set: record('settings.set', settings.set),
    },
    session: {
      load: record('session.load', session.load),
      store: record('session.store', session.store),
      clear: record('session.clear', session.clear),
    },
    revocations: {
      load: record('revocations.load', revocations.load),
      store: record('revocations.store', revocations.store),
    },
    showSaveDialog: record('showSaveDialog', async () => ({
      canceled: false,
      filePath: join(dir, 'saved.out'),
    })),
    writeFile: record('writeFile', async (path: string, data: Uint8Array) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(path, data);
    }),
    defaultDir: record('defaultDir', () => dir),
    printToPdf: record('printToPdf', async () => new TextEncoder().encode('%PDF-1.7')),
    onSettingsChange: record('onSettingsChange', () => undefined),
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fi-ipc-'));
  calls = [];
  ipc = new FakeIpcMain();
  const isAppUrl = createOriginCheck(trustedOrigins(undefined));
  registerIpc({ ipcMain: ipc, isTrustedSender: createSenderCheck(isAppUrl) }, recordingDeps());
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('registerIpc', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...ipc.listeners.keys()].sort()).toEqual([...allChannels].sort());
  });

  it.each(allChannels)('%s answers a valid call from the app frame', async (channel) => {
    const result = await ipc.invoke(channel, eventFrom(APP_FRAME_URL), ...validArgs[channel]);
    expect(channels[channel].result.safeParse(result).success).toBe(true);
    expect(calls.length).toBeGreaterThan(0);
  });

  it.each(allChannels)('%s rejects bad arguments and calls nothing', async (channel) => {
    for (const args of badArgLists) {
      await expect(ipc.invoke(channel, eventFrom(APP_FRAME_URL), ...args)).rejects.toThrow(
        `ipc.invalidArguments: ${channel}`,
      );
    }
    expect(calls).toEqual([]);
  });

  it.each(allChannels)(
    '%s refuses a foreign or vanished frame and calls nothing',
    async (channel) => {
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://evil/index.html',
        null,
      ]) {
        await expect(ipc.invoke(channel, eventFrom(url), ...validArgs[channel])).rejects.toThrow(
          `ipc.untrustedSender: ${channel}`,
        );
      }
      expect(calls).toEqual([]);
    },
  );

  it('settings:set refuses plain http to another computer and saves nothing', async () => {
    const app = eventFrom(APP_FRAME_URL);
    for (const serverUrl of ['http://10.0.0.5:8787', 'http://127.0.0.1@evil.example']) {
      await expect(ipc.invoke('settings:set', app, { serverUrl })).rejects.toThrow(/serverUrl\./);
    }
    expect(calls).not.toContain('onSettingsChange');
    expect(await readFile(join(dir, 'settings.json'), 'utf8').catch(() => null)).toBeNull();
    expect(await ipc.invoke('settings:get', app)).toMatchObject({
      serverUrl: 'http://127.0.0.1:8787',
      allowInsecureHttp: false,
    });

    const allowed = { serverUrl: 'http://10.0.0.5:8787', allowInsecureHttp: true };
    expect(await ipc.invoke('settings:set', app, allowed)).toMatchObject(allowed);
    expect(calls).toContain('onSettingsChange');
  });

  it('saves a printed PDF where the dialog says, with a .pdf name', async () => {
    const result = await ipc.invoke('pdf:print', eventFrom(APP_FRAME_URL), {
      defaultName: '检查记录',
      landscape: true,
    });
    expect(result).toEqual({ saved: true, path: join(dir, 'saved.out') });
    expect(await readFile(join(dir, 'saved.out'), 'utf8')).toBe('%PDF-1.7');
  });
});
