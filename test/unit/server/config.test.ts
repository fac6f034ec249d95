import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIMITS } from '../../../server/src/auth/sessions';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, readConfig } from '../../../server/src/config';
import {
  DEFAULT_HTTP_LIMITS,
  LARGEST_REQUEST_BYTES,
  SLOWEST_UPLINK_BPS,
} from '../../../server/src/http/http-limits';

describe('readConfig', () => {
  it('has defaults for sessions, proxies, HTTP limits and shutdown', () => {
    const config = readConfig({});
    expect(config.sessionLimits).toEqual(DEFAULT_SESSION_LIMITS);
    expect(config.trustProxy).toBe(false);
    expect(config.http).toEqual(DEFAULT_HTTP_LIMITS);
    expect(config.shutdownTimeoutMs).toBe(DEFAULT_SHUTDOWN_TIMEOUT_MS);
  });

  it('reads each from its environment variable', () => {
    const config = readConfig({
      FI_SESSION_IDLE_DAYS: '7',
      FI_SESSION_MAX_DAYS: '0.5',
      FI_TRUST_PROXY: '127.0.0.1',
      FI_HTTP_HEADERS_TIMEOUT_S: '2',
      FI_HTTP_IDLE_TIMEOUT_S: '1.5',
      FI_HTTP_REQUEST_TIMEOUT_S: '3',
      FI_HTTP_KEEP_ALIVE_TIMEOUT_S: '4',
      FI_HTTP_MAX_CONNECTIONS: '10',
      FI_SHUTDOWN_TIMEOUT_S: '2.5',
    });
    expect(config.sessionLimits).toEqual({ idleMs: 7 * 86_400_000, absoluteMs: 43_200_000 });
    expect(config.trustProxy).toEqual(['127.0.0.1']);
    expect(config.http).toEqual({
      headersTimeoutMs: 2000,
      idleTimeoutMs: 1500,
      requestTimeoutMs: 3000,
      keepAliveTimeoutMs: 4000,
      maxConnections: 10,
    });
    expect(config.shutdownTimeoutMs).toBe(2500);
  });

  it('refuses values that are not positive numbers, naming the variable', () => {
    const wrong: [string, string][] = [
      ['FI_SESSION_IDLE_DAYS', '0'],
      ['FI_SESSION_MAX_DAYS', 'a month'],
      ['FI_HTTP_IDLE_TIMEOUT_S', '-1'],
      ['FI_HTTP_MAX_CONNECTIONS', '1.5'],
      ['FI_SHUTDOWN_TIMEOUT_S', 'Infinity'],
    ];
    for (const [name, value] of wrong) {
      expect(() => readConfig({ [name]: value }), name).toThrow(new RegExp(`^${name} must be`));
    }
    expect(() =>
      readConfig({ FI_HTTP_HEADERS_TIMEOUT_S: '60', FI_HTTP_REQUEST_TIMEOUT_S: '30' }),
    ).toThrow(/FI_HTTP_HEADERS_TIMEOUT_S must not be longer/);
  });

  it('gives a full photo batch over a slow 2G uplink the time it needs, by default', () => {
    const seconds = (LARGEST_REQUEST_BYTES * 8) / SLOWEST_UPLINK_BPS;
    expect(seconds).toBeGreaterThan(25 * 60);
    expect(DEFAULT_HTTP_LIMITS.requestTimeoutMs).toBeGreaterThan(seconds * 1000);
  });
});
