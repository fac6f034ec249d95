import { describe, expect, it } from 'vitest';
import { createOriginCheck, trustedOrigins } from '../../../../electron/main/app-origin';
import type { GuardedContents, PermissionSession } from '../../../../electron/main/security';
import {
  guardWebContents,
  isAllowedExternalUrl,
  restrictPermissions,
} from '../../../../electron/main/security';

const isAppUrl = createOriginCheck(trustedOrigins(undefined));

type Listener = (event: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url = ''): boolean => {
    let prevented = false;
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents, fire, open };
}

function guarded() {
  const opened: string[] = [];
  const fake = fakeContents();
  guardWebContents(fake.contents, {
    isAppUrl,
    openExternal: async (url) => {
      opened.push(url);
    },
    externalHosts: ['flk.npc.gov.cn'],
  });
  return { ...fake, opened };
}

describe('guardWebContents', () => {
  it('prevents navigation and redirects to another origin', () => {
    const { fire } = guarded();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(fire(event, 'https://evil.example/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
      expect(fire(event, 'app://evil/index.html')).toBe(true);
      expect(fire(event, 'app://bundle/index.html#/findings')).toBe(false);
    }
  });

  it('denies every new window and opens only allow-listed https links outside', () => {
    const { open, opened } = guarded();
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('http://flk.npc.gov.cn/law')).toEqual({ action: 'deny' });
    expect(open('app://bundle/index.html')).toEqual({ action: 'deny' });
    expect(open('https://flk.npc.gov.cn/detail?id=1')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://flk.npc.gov.cn/detail?id=1']);
  });

  it('refuses to attach webviews', () => {
    const { fire } = guarded();
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('isAllowedExternalUrl', () => {
  it('needs https, a listed host and no credentials', () => {
    const hosts = ['www.mem.gov.cn'];
    expect(isAllowedExternalUrl('https://www.mem.gov.cn/fw/', hosts)).toBe(true);
    expect(isAllowedExternalUrl('https://www.mem.gov.cn.evil.example/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.mem.gov.cn/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', hosts)).toBe(false);
    expect(isAllowedExternalUrl('not a url', hosts)).toBe(false);
  });
});

function permissionHandlers() {
  let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | null = null;
  let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | null = null;
  restrictPermissions(
    {
      setPermissionRequestHandler: (handler) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      },
    },
    isAppUrl,
  );
  const ask = (
    permission: string,
    details: { requestingUrl?: string; mediaTypes?: string[] },
  ): boolean => {
    let granted: boolean | null = null;
    if (!request) throw new Error('no request handler');
    request(null, permission, (answer) => (granted = answer), details);
    if (granted === null) throw new Error('request not answered');
    return granted;
  };
  const probe = (permission: string, origin: string, mediaType?: string): boolean => {
    if (!check) throw new Error('no check handler');
    return check(null, permission, origin, mediaType ? { mediaType } : {});
  };
  return { ask, probe };
}

describe('restrictPermissions', () => {
  const app = 'app://bundle/index.html';

  it('grants the camera and geolocation to the app', () => {
    const { ask, probe } = permissionHandlers();
    expect(ask('media', { requestingUrl: app, mediaTypes: ['video'] })).toBe(true);
    expect(ask('geolocation', { requestingUrl: app })).toBe(true);
    expect(probe('media', 'app://bundle', 'video')).toBe(true);
    expect(probe('geolocation', 'app://bundle')).toBe(true);
  });

  it('denies the microphone, everything else, and every foreign origin', () => {
    const { ask, probe } = permissionHandlers();
    expect(ask('media', { requestingUrl: app, mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: app, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: app })).toBe(false);
    for (const permission of [
      'notifications',
      'clipboard-read',
      'display-capture',
      'openExternal',
    ]) {
      expect(ask(permission, { requestingUrl: app })).toBe(false);
      expect(probe(permission, 'app://bundle')).toBe(false);
    }
    expect(ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(
      false,
    );
    expect(ask('geolocation', { requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(probe('media', 'app://bundle', 'audio')).toBe(false);
    expect(probe('geolocation', 'https://evil.example')).toBe(false);
  });
});
