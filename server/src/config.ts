// The server's configuration, read from environment variables (see the design's Configuration).
export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
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
  };
}
