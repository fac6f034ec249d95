import { describe, expect, it } from 'vitest';
import { createOriginCheck, trustedOrigins } from '../../../../../electron/main/app-origin';
import { createSenderCheck, handle } from '../../../../../electron/main/ipc/handle';
import { APP_FRAME_URL, eventFrom, FakeIpcMain } from '../../fake-ipc';

describe('handle', () => {
  const check = createSenderCheck(createOriginCheck(trustedOrigins(undefined)));

  it('calls the handler with the parsed arguments for the app frame', async () => {
    const ipc = new FakeIpcMain();
    const seen: unknown[] = [];
    handle(
      ipc,
      'settings:set',
      ([patch]) => {
        seen.push(patch);
        return { serverUrl: 'http://127.0.0.1:8787', language: 'en', allowInsecureHttp: false };
      },
      check,
    );
    await ipc.invoke('settings:set', eventFrom(APP_FRAME_URL), {
      serverUrl: 'http://10.0.0.1:8787///',
      extra: 'dropped',
    });
    expect(seen).toEqual([{ serverUrl: 'http://10.0.0.1:8787' }]);
  });

  it('rejects a foreign frame before looking at the arguments', async () => {
    const ipc = new FakeIpcMain();
    let called = false;
    handle(
      ipc,
      'session:clear',
      () => {
        called = true;
      },
      check,
    );
    await expect(ipc.invoke('session:clear', eventFrom('https://evil.example/'))).rejects.toThrow(
      'ipc.untrustedSender: session:clear',
    );
    expect(called).toBe(false);
  });

  it('trusts the dev server only when one is configured', () => {
    const dev = createSenderCheck(createOriginCheck(trustedOrigins('http://localhost:5173/')));
    expect(dev({ url: 'http://localhost:5173/#/sync' })).toBe(true);
    expect(dev({ url: 'app://bundle/index.html' })).toBe(true);
    expect(check({ url: 'http://localhost:5173/' })).toBe(false);
    expect(check({ url: 'app://bundle.evil.example/' })).toBe(false);
    expect(check({ url: 'app://x@bundle/' })).toBe(false);
    expect(check(null)).toBe(false);
  });
});
