// An app on a fresh database filled with the demo district, plus small request helpers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DatabaseKind } from '../../server/src/db/database';
import type { AppOptions } from '../../server/src/app';
import { buildApp } from '../../server/src/app';
import type { BlobStore } from '../../server/src/blobs/blob-store';
import { databaseBlobStore, fileBlobStore } from '../../server/src/blobs/blob-store';
import type { DemoDistrict } from '../../server/src/seed/demo-district';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { seedDistrict } from '../../server/src/seed/seed-demo';
import type { TestDatabase } from './test-databases';
import { freshDatabase } from './test-databases';

/** The fixed "now" of the tests' demo district. */
export const TEST_NOW = new Date('2026-11-29T08:00:00+08:00');

export interface DemoApp {
  app: FastifyInstance;
  db: TestDatabase;
  district: DemoDistrict;
  /** Where photo bytes are kept when they are kept in files rather than in the database. */
  blobDir: string | undefined;
  /** The app's blob store (collecting unused blobs needs the same one). */
  blobs: BlobStore;
  /** Moves the app's clock. */
  setNow: (now: Date) => void;
  close: () => Promise<void>;
}

export async function demoApp(
  kind: DatabaseKind,
  options: {
    seed?: boolean;
    blobsInFiles?: boolean;
    uploadQuotaBytes?: number;
    /** Configuration of the app itself (session limits, trusted proxies). */
    app?: Pick<AppOptions, 'sessionLimits' | 'trustProxy'>;
  } = {},
): Promise<DemoApp> {
  const db = await freshDatabase(kind);
  const district = buildDemoDistrict(TEST_NOW);
  if (options.seed !== false) await seedDistrict(db, district, TEST_NOW);
  let now = TEST_NOW;
  const blobDir = options.blobsInFiles ? mkdtempSync(join(tmpdir(), 'fi-blobs-')) : undefined;
  const blobs = blobDir ? fileBlobStore(blobDir) : databaseBlobStore();
  const app = await buildApp({
    ...options.app,
    db,
    clock: () => now,
    blobs,
    ...(options.uploadQuotaBytes ? { uploadQuotaBytes: options.uploadQuotaBytes } : {}),
  });
  return {
    app,
    db,
    district,
    blobDir,
    blobs,
    setNow: (next) => {
      now = next;
    },
    close: async () => {
      await app.close();
      await db.close();
      if (blobDir) rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

export const DEMO_PASSWORD_FOR_TESTS = 'demo12345';

export function postJson(
  app: FastifyInstance,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD_FOR_TESTS,
) {
  const res = await postJson(app, '/api/v1/auth/login', { username, password, deviceName: 'test' });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string; deviceId: string }>();
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A GET with the given session's token. */
export function getAs(
  app: FastifyInstance,
  url: string,
  token: string,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: bearer(token) });
}

/** Asserts the shape every error answer must have and that nothing internal leaks. */
export function errorBody(res: LightMyRequestResponse): {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
} {
  expectNoLeak(res.body);
  return res.json();
}

export function expectNoLeak(body: string): void {
  // A stack frame, a source path or an SQL error would show one of these.
  for (const marker of [
    '    at ',
    '.ts:',
    '.js:',
    'node_modules',
    'stack',
    'SQL',
    'syntax error at',
    // A request stream read as an object would name its own fields.
    '_readableState',
  ]) {
    if (body.includes(marker)) throw new Error(`error body leaks "${marker}": ${body}`);
  }
}
