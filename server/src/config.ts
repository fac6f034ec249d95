// The server's configuration, read from environment variables (README, Configuration).
import type { SessionLimits } from './auth/sessions';
import { DEFAULT_SESSION_LIMITS } from './auth/sessions';
import type { HttpLimits } from './http/http-limits';
import { DEFAULT_HTTP_LIMITS, checkHttpLimits } from './http/http-limits';
import type { TrustedProxies } from './http/trust-proxy';
import { parseTrustedProxies } from './http/trust-proxy';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  sessionLimits: SessionLimits;
  trustProxy: TrustedProxies;
  http: HttpLimits;
  /** From a stop signal until the process has exited, at most. */
  shutdownTimeoutMs: number;
  /** Bytes one user may have uploaded that no record refers to yet (FI_UPLOAD_QUOTA_MIB). */
  uploadQuotaBytes: number;
  /** How long an upload no record has referred to is kept (FI_UNUSED_BLOB_DAYS). */
  unusedBlobGraceMs: number;
}

const MIB = 1024 * 1024;

/**
 * 2 GiB: a photo is stored at 2048 pixels at most, about 1 MB, and a heavy day in the field is a
 * few hundred of them; the device uploads them in the same sync as the hazards that refer to
 * them, so the quota is reached only by bytes that no record ever claims.
 */
export const DEFAULT_UPLOAD_QUOTA_MIB = 2048;
/**
 * 7 days: an upload waits for its record only while a sync is cut short between the two (the
 * server down or unreachable, the laptop closed); a week outlasts a long weekend or a field trip
 * away from the network, and a photo removed too early is only uploaded again by the device.
 */
export const DEFAULT_UNUSED_BLOB_DAYS = 7;

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

/**
 * A positive number from `name` (fractions allowed) times `unit` (a time or a size), or
 * `fallback` when unset.
 */
function duration(env: NodeJS.ProcessEnv, name: string, unit: number, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${env[name]}".`);
  }
  return Math.round(value * unit);
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, not "${env[name]}".`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number.parseInt(env.PORT ?? '8787', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), not "${env.PORT}".`);
  }
  const defaults = DEFAULT_HTTP_LIMITS;
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: env.FI_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.FI_DEMO === '1',
    sessionLimits: {
      idleMs: duration(env, 'FI_SESSION_IDLE_DAYS', DAY, DEFAULT_SESSION_LIMITS.idleMs),
      absoluteMs: duration(env, 'FI_SESSION_MAX_DAYS', DAY, DEFAULT_SESSION_LIMITS.absoluteMs),
    },
    trustProxy: parseTrustedProxies(env.FI_TRUST_PROXY),
    http: checkHttpLimits({
      headersTimeoutMs: duration(
        env,
        'FI_HTTP_HEADERS_TIMEOUT_S',
        SECOND,
        defaults.headersTimeoutMs,
      ),
      idleTimeoutMs: duration(env, 'FI_HTTP_IDLE_TIMEOUT_S', SECOND, defaults.idleTimeoutMs),
      requestTimeoutMs: duration(
        env,
        'FI_HTTP_REQUEST_TIMEOUT_S',
        SECOND,
        defaults.requestTimeoutMs,
      ),
      keepAliveTimeoutMs: duration(
        env,
        'FI_HTTP_KEEP_ALIVE_TIMEOUT_S',
        SECOND,
        defaults.keepAliveTimeoutMs,
      ),
      maxConnections: count(env, 'FI_HTTP_MAX_CONNECTIONS', defaults.maxConnections),
    }),
    shutdownTimeoutMs: duration(env, 'FI_SHUTDOWN_TIMEOUT_S', SECOND, DEFAULT_SHUTDOWN_TIMEOUT_MS),
    uploadQuotaBytes: duration(env, 'FI_UPLOAD_QUOTA_MIB', MIB, DEFAULT_UPLOAD_QUOTA_MIB * MIB),
    unusedBlobGraceMs: duration(env, 'FI_UNUSED_BLOB_DAYS', DAY, DEFAULT_UNUSED_BLOB_DAYS * DAY),
  };
}
