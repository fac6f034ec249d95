import { describe, expect, it } from 'vitest';
import { parseTrustedProxies } from '../../../../server/src/http/trust-proxy';

describe('parseTrustedProxies', () => {
  it('trusts nobody when unset or empty', () => {
    expect(parseTrustedProxies(undefined)).toBe(false);
    expect(parseTrustedProxies('')).toBe(false);
    expect(parseTrustedProxies('  ')).toBe(false);
  });

  it('takes addresses, CIDR networks and the named private ranges', () => {
    expect(parseTrustedProxies('127.0.0.1, 10.0.0.0/8,fd00::/8 , ::1,Loopback')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
      '::1',
      'loopback',
    ]);
  });

  it('refuses trust-everyone, hop counts and malformed entries, naming them', () => {
    for (const value of ['true', '*', '1', '10.0.0.0/33', '10.0.0/8', 'proxy.local', '::1/129']) {
      expect(() => parseTrustedProxies(value), value).toThrow(
        new RegExp(`FI_TRUST_PROXY .*"${value.replace(/[.*/]/g, '\\$&')}"`),
      );
    }
    expect(() => parseTrustedProxies('127.0.0.1, nope')).toThrow(/"nope"/);
  });
});
