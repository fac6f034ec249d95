import { describe, expect, it } from 'vitest';
import {
  checkServerAddress,
  isLoopbackHost,
  needsInsecurePermission,
} from '../../../../domain/transport/server-address';

const strict = { allowInsecureHttp: false };
const allowed = { allowInsecureHttp: true };

describe('checkServerAddress', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.255.10.3', 'http://127.255.10.3'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['HTTP://LOCALHOST:8787', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['http://[0:0:0:0:0:0:0:1]:8787', 'http://[::1]:8787'],
    // Other spellings of 127.0.0.1 that the URL parser rewrites.
    ['http://127.1:8787', 'http://127.0.0.1:8787'],
    ['http://0x7f000001', 'http://127.0.0.1'],
    ['http://2130706433', 'http://127.0.0.1'],
    ['  http://127.0.0.1:8787/fi  ', 'http://127.0.0.1:8787'],
  ])('lets plain http reach this computer: %s', (address, origin) => {
    expect(checkServerAddress(address, strict)).toEqual({ ok: true, origin, encrypted: false });
  });

  it.each([
    ['https://hq.example.gov.cn', 'https://hq.example.gov.cn'],
    ['HTTPS://HQ.Example.gov.cn:8443/base/', 'https://hq.example.gov.cn:8443'],
    ['https://10.0.0.5', 'https://10.0.0.5'],
    ['https://[2001:db8::7]:8443', 'https://[2001:db8::7]:8443'],
  ])('lets https reach any server: %s', (address, origin) => {
    expect(checkServerAddress(address, strict)).toEqual({ ok: true, origin, encrypted: true });
  });

  it.each([
    'http://10.0.0.5:8787',
    'http://hq.example.gov.cn',
    'HTTP://HQ.EXAMPLE.GOV.CN',
    'http://192.168.1.20:80',
    'http://[2001:db8::7]:8787',
    'http://0.0.0.0:8787',
    // Look like this computer, but are not.
    'http://127.0.0.1.nip.io',
    'http://localhost.evil.example',
    'http://localhost%2eevil.example',
    'http://evil.example\\@127.0.0.1',
    'http://evil.example#@127.0.0.1',
    'http://evil.example/127.0.0.1',
    'http://[::ffff:127.0.0.1]',
    'http://localhost.',
  ])('refuses plain http to another computer: %s', (address) => {
    expect(checkServerAddress(address, strict)).toEqual({ ok: false, problem: 'insecure' });
    expect(needsInsecurePermission(address)).toBe(true);
  });

  it('lets plain http reach another computer once the user allows it', () => {
    expect(checkServerAddress('http://10.0.0.5:8787', allowed)).toEqual({
      ok: true,
      origin: 'http://10.0.0.5:8787',
      encrypted: false,
    });
  });

  it.each([
    'http://127.0.0.1@evil.example',
    'http://127.0.0.1:8787@evil.example:8787',
    'http://localhost:x@evil.example',
    'https://admin:secret@hq.example.gov.cn',
    'http://user@127.0.0.1',
  ])('refuses a user name or password before the host, even when allowed: %s', (address) => {
    expect(checkServerAddress(address, strict)).toEqual({ ok: false, problem: 'credentials' });
    expect(checkServerAddress(address, allowed)).toEqual({ ok: false, problem: 'credentials' });
  });

  it.each(['ftp://hq.example', 'javascript:alert(1)', 'file:///etc/passwd', 'ws://127.0.0.1'])(
    'refuses other schemes: %s',
    (address) => {
      expect(checkServerAddress(address, allowed)).toEqual({ ok: false, problem: 'scheme' });
    },
  );

  it.each(['', 'hq.example.gov.cn', '127.0.0.1:8787x', 'http://', 'http://exa mple'])(
    'refuses what is not an address: %j',
    (address) => {
      expect(checkServerAddress(address, allowed)).toEqual({ ok: false, problem: 'invalid' });
    },
  );

  it('says https and this computer need no permission', () => {
    expect(needsInsecurePermission('https://hq.example.gov.cn')).toBe(false);
    expect(needsInsecurePermission('http://127.0.0.1:8787')).toBe(false);
    expect(needsInsecurePermission('not an address')).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it('knows this computer by name and address', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.0.0.53', '[::1]']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['128.0.0.1', '127.0.0.1.example', 'localhost.example', '[::2]', '::1']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
