// Fault test: the real server process against clients that stall. A client that sends half a
// request and stops, and one that trickles header lines, are cut off by the configured timeouts,
// while a slow client that keeps sending is answered. On SIGTERM the server stops within its
// bound whatever is still open, and a push batch in flight is stored whole or not at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../domain/sync/protocol';
import { SCHEMA_VERSION, pushResponseSchema } from '../../domain/sync/protocol';
import type { Queryable } from '../../server/src/db/database';
import { embeddedDatabaseDir } from '../../server/src/db/open';
import { openPgliteDirectory } from '../../server/src/db/pglite';
import { buildDemoDistrict } from '../../server/src/seed/demo-district';
import { newInspectionsBatch } from '../support/push-fixtures';
import type { ServerProcess } from '../support/server-process';
import { postOverHttp, signInOverHttp, startServerProcess } from '../support/server-process';
import type { TestDatabase } from '../support/test-databases';
import { databaseKinds, freshDatabase } from '../support/test-databases';

/** A raw connection to the server and what it has answered; `closed` settles when it ends. */
interface RawConnection {
  socket: Socket;
  answer: () => string;
  closed: Promise<void>;
}

function openConnection(port: number, first: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', () => undefined);
    socket.once('connect', () => {
      socket.write(first);
      resolve({ socket, answer: () => answer, closed });
    });
    socket.once('error', reject);
  });
}

/** Headers and the start of a body that announces more than is ever sent. */
const HALF_REQUEST =
  'POST /api/v1/auth/login HTTP/1.1\r\nHost: hq\r\nContent-Type: application/json\r\n' +
  'Content-Length: 200\r\n\r\n{"username":';

/** Writes `next()` every `everyMs` until the connection closes; returns how many were written. */
function keepWriting(connection: RawConnection, everyMs: number, next: (i: number) => string) {
  let written = 0;
  const timer = setInterval(() => {
    if (connection.socket.destroyed) return;
    connection.socket.write(next(written));
    written++;
  }, everyMs);
  return connection.closed.then(() => {
    clearInterval(timer);
    return written;
  });
}

/** Resolves once the connection has been answered a whole response (a JSON body), within 10 s. */
async function answered(connection: RawConnection): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (/^HTTP\/1\.1 \d{3} [\s\S]*\r\n\r\n\{[\s\S]*\}$/.test(connection.answer())) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`not answered within 10 s: ${JSON.stringify(connection.answer())}`);
}

/** Resolves with the exit code, or rejects if the process is still running after `ms`. */
function exitWithin(server: ServerProcess, ms: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`still running ${ms} ms after the signal:\n${server.output()}`)),
      ms,
    );
    void server.exited.then((code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe.each(databaseKinds)('the server process on %s', (kind) => {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.exited));
    for (const db of databases) await db.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A server on a fresh database of this kind, and a way to read that database afterwards. */
  async function start(env: Record<string, string>) {
    const dataDir = mkdtempSync(join(tmpdir(), 'fi-slow-'));
    dirs.push(dataDir);
    let db: TestDatabase | undefined;
    if (kind === 'postgres') {
      db = await freshDatabase('postgres');
      databases.push(db);
    }
    const server = await startServerProcess(dataDir, {
      ...env,
      ...(db?.url ? { DATABASE_URL: db.url } : {}),
    });
    servers.push(server);
    /** Runs `read` on the database once the server has exited. */
    const readBack = async <T>(read: (db: Queryable) => Promise<T>): Promise<T> => {
      if (db) return read(db);
      const embedded = await openPgliteDirectory(embeddedDatabaseDir(dataDir));
      try {
        return await read(embedded);
      } finally {
        await embedded.close();
      }
    };
    return { server, readBack };
  }

  /** Signs inspector.li in and builds a batch of new inspections with a hazard each. */
  async function signedInBatch(server: ServerProcess) {
    const district = buildDemoDistrict(new Date());
    const login = await signInOverHttp(server.url);
    expect(login.status).toBe(200);
    const mutations = newInspectionsBatch(district, 50);
    const deviceId = String(login.body.deviceId);
    return {
      token: String(login.body.token),
      deviceId,
      mutations,
      batch: { deviceId, schemaVersion: SCHEMA_VERSION, mutations },
    };
  }

  const storedOf = (deviceId: string, mutations: Mutation[]) => async (db: Queryable) => {
    const [counts] = await db.query<{ records: number; history: number; last: number }>(
      `SELECT (SELECT count(*)::int FROM records WHERE id IN
                 (SELECT value::uuid FROM jsonb_array_elements_text($1::jsonb))) AS records,
              (SELECT count(*)::int FROM history WHERE device_id = $2::uuid) AS history,
              (SELECT last_mid::int FROM devices WHERE device_id = $2::uuid) AS last`,
      [JSON.stringify(mutations.map((m) => m.id)), deviceId],
    );
    return counts;
  };

  it(
    'cuts a client that sends half a request and one that trickles headers, and answers a slow one',
    { timeout: 120_000 },
    async () => {
      const { server } = await start({
        FI_HTTP_IDLE_TIMEOUT_S: '1',
        FI_HTTP_HEADERS_TIMEOUT_S: '2',
        FI_HTTP_REQUEST_TIMEOUT_S: '6',
      });
      const half = await openConnection(server.port, HALF_REQUEST);
      const trickle = await openConnection(server.port, 'GET /api/v1/health HTTP/1.1\r\n');
      const trickled = keepWriting(trickle, 250, (i) => `X-Slow-${i}: 1\r\n`);
      // A body that keeps coming, a little every quarter second, for longer than the idle limit.
      const body = JSON.stringify({ username: 'inspector.li', password: 'x', deviceName: 'slow' });
      const slow = await openConnection(
        server.port,
        'POST /api/v1/auth/login HTTP/1.1\r\nHost: hq\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      );
      const chunks = body.match(/.{1,6}/g) ?? [];
      const slowSent = keepWriting(slow, 250, (i) => chunks[i] ?? '');

      await half.closed;
      // Nothing answered: the connection was dropped for silence.
      expect(half.answer()).toBe('');
      const linesSent = await trickled;
      // It kept the connection busy well past the idle limit; the headers limit ended it, long
      // before the whole-request limit would have (24 lines).
      expect(linesSent).toBeGreaterThan(4);
      expect(linesSent).toBeLessThan(16);
      expect(trickle.answer()).toMatch(/^HTTP\/1\.1 408 /);
      await slowSent;
      expect(slow.answer()).toMatch(/^HTTP\/1\.1 401 /);
      expect(slow.answer()).toContain('invalid_credentials');

      // A body that trickles past the whole-request limit is cut too.
      const endless = await openConnection(server.port, HALF_REQUEST);
      const endlessSent = await keepWriting(endless, 250, () => ' ');
      expect(endlessSent).toBeGreaterThan(8);
      expect(endless.answer()).toMatch(/^HTTP\/1\.1 408 /);
      // The server still serves.
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    },
  );

  it(
    'stops within its bound on SIGTERM with stuck connections open and a batch in flight, storing none of it',
    { timeout: 120_000 },
    async () => {
      const { server, readBack } = await start({
        FI_SHUTDOWN_TIMEOUT_S: '2',
        FI_TEST_PUSH_DELAY_MS: '600000',
      });
      const { token, deviceId, mutations, batch } = await signedInBatch(server);
      const half = await openConnection(server.port, HALF_REQUEST);
      const trickle = await openConnection(server.port, 'GET /api/v1/health HTTP/1.1\r\n');
      const trickled = keepWriting(trickle, 250, (i) => `X-Slow-${i}: 1\r\n`);
      const idle = await openConnection(
        server.port,
        'GET /api/v1/health HTTP/1.1\r\nHost: hq\r\n\r\n',
      );
      // Idle means answered and kept alive. Health reads the database, which on PGlite waits
      // behind the batch's transaction: asked after the batch began, it would still be in flight.
      await answered(idle);
      const inFlight = postOverHttp(`${server.url}/api/v1/sync/push`, batch, token).then(
        (res) => `answered ${res.status}`,
        () => 'connection lost',
      );
      await server.waitFor('test hook: push batch written, not committed');

      server.child.kill('SIGTERM');
      expect(await exitWithin(server, 2000 + 3000)).toBe(0);
      expect(server.output()).toMatch(/Cut [1-9]\d* connection\(s\) still open after 2 s/);
      expect(await inFlight).toBe('connection lost');
      await Promise.all([half.closed, trickled, idle.closed]);
      expect(idle.answer()).toMatch(/^HTTP\/1\.1 200 /);
      expect(await readBack(storedOf(deviceId, mutations))).toEqual({
        records: 0,
        history: 0,
        last: 0,
      });
    },
  );

  it(
    'lets a batch in flight finish on SIGTERM and stores it whole',
    { timeout: 120_000 },
    async () => {
      const { server, readBack } = await start({
        FI_SHUTDOWN_TIMEOUT_S: '20',
        FI_TEST_PUSH_DELAY_MS: '1000',
      });
      const { token, deviceId, mutations, batch } = await signedInBatch(server);
      const inFlight = postOverHttp(`${server.url}/api/v1/sync/push`, batch, token);
      await server.waitFor('test hook: push batch written, not committed');

      server.child.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      const results = pushResponseSchema.parse(answer.body).results;
      expect(new Set(results.map((r) => r.status))).toEqual(new Set(['applied']));
      expect(await exitWithin(server, 20_000)).toBe(0);
      expect(server.output()).not.toMatch(/Cut \d+ connection/);
      expect(await readBack(storedOf(deviceId, mutations))).toEqual({
        records: mutations.length,
        history: mutations.length,
        last: mutations.length,
      });
    },
  );
});
