import { describe, expect, it } from 'vitest';
import { MAX_DELAY_MS, delayAfter, networkOf } from '../../../../server/src/auth/login-rate-limit';

describe('delayAfter', () => {
  it('is free for the first failures, then a second, doubling up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, 3))).toEqual([
      0, 0, 0, 1000, 2000, 4000, 8000,
    ]);
    expect(delayAfter(13, 3)).toBe(512_000);
    expect(delayAfter(14, 3)).toBe(MAX_DELAY_MS);
    expect(delayAfter(1000, 3)).toBe(MAX_DELAY_MS);
  });
});

describe('networkOf', () => {
  it('counts an IPv4 address by itself, also when written IPv6-mapped', () => {
    expect(networkOf('198.51.100.7')).toBe('198.51.100.7');
    expect(networkOf('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(networkOf('::FFFF:198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const net = '2001:db8:5:7::/64';
    for (const ip of [
      '2001:db8:5:7::1',
      '2001:0db8:0005:0007:aaaa:bbbb:cccc:dddd',
      '2001:DB8:5:7:ffff::',
      '2001:db8:5:7::1%eth0',
    ]) {
      expect(networkOf(ip), ip).toBe(net);
    }
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::1')).toBe('0:0:0:0::/64');
    expect(networkOf('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
    expect(networkOf('2001:db8:5:8::1')).not.toBe(net);
  });

  it('leaves anything else as it is', () => {
    expect(networkOf('not an address')).toBe('not an address');
  });
});
