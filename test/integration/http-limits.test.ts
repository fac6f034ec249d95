// The HTTP server's connection limits, in process: connections beyond the limit are closed as
// soon as they are accepted, and a kept-alive connection left idle is closed after its timeout.
// (The request timeouts are shown against the real process in server-slow-clients.test.ts.)
import type { FastifyInstance } from 'fastify';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import { DEFAULT_HTTP_LIMITS } from '../../server/src/http/http-limits';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import { databaseKinds } from '../support/test-databases';

interface Connection {
  socket: Socket;
  answer: () => string;
  closed: Promise<void>;
}

function open(port: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, answer: () => answer, closed }));
    socket.once('error', reject);
  });
}

const isOpen = async (connection: Connection, ms: number) =>
  Promise.race([
    connection.closed.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ms)),
  ]);

describe.each(databaseKinds)('HTTP connection limits on %s', (kind) => {
  let t: DemoApp;
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    t = await demoApp(kind);
    app = await buildApp({
      db: t.db,
      clock: () => TEST_NOW,
      http: { ...DEFAULT_HTTP_LIMITS, maxConnections: 2, keepAliveTimeoutMs: 300 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('closes a connection beyond the limit at once, and serves again once one ends', async () => {
    const first = await open(port);
    const second = await open(port);
    const third = await open(port);
    await third.closed;
    expect(third.answer()).toBe('');
    expect(await isOpen(first, 200)).toBe(true);
    expect(await isOpen(second, 0)).toBe(true);
    first.socket.destroy();
    await first.closed;
    second.socket.destroy();
    await second.closed;
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
  });

  it('closes a kept-alive connection left idle after its timeout', async () => {
    const connection = await open(port);
    connection.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: hq\r\n\r\n');
    await connection.closed;
    expect(connection.answer()).toMatch(/^HTTP\/1\.1 200 /);
    // Kept open for a next request, then closed by the server when none came.
    expect(connection.answer()).toMatch(/^Connection: keep-alive/im);
  });
});
