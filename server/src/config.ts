// The server's configuration, read from environment variables (see the design's Configuration).
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  /** Bytes one user may have uploaded that no record refers to yet (FI_UPLOAD_QUOTA_MIB). */
  uploadQuotaBytes: number;
  /** How long an upload no record has referred to is kept (FI_UNUSED_BLOB_DAYS). */
  unusedBlobGraceMs: number;
}

const MIB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

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

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${raw}".`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number.parseInt(env.PORT ?? '8787', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0–65535), not "${env.PORT}".`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: env.FI_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.FI_DEMO === '1',
    uploadQuotaBytes: Math.round(
      positiveNumber(env, 'FI_UPLOAD_QUOTA_MIB', DEFAULT_UPLOAD_QUOTA_MIB) * MIB,
    ),
    unusedBlobGraceMs: Math.round(
      positiveNumber(env, 'FI_UNUSED_BLOB_DAYS', DEFAULT_UNUSED_BLOB_DAYS) * DAY_MS,
    ),
  };
}
