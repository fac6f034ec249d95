// How long the HTTP server waits for a client, and how many connections it holds. Without these
// a client that sent half a request and stopped held its connection for ever, and kept the
// server from stopping. The limits must still let a real device on a poor link finish.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { MAX_BLOB_BATCH_BYTES, MAX_BLOB_BATCH_HEADER_BYTES } from '../../../domain/sync/protocol';

export interface HttpLimits {
  /** From the first byte of a request until its headers are complete. */
  headersTimeoutMs: number;
  /** A connection on which nothing is sent or received for this long is cut. */
  idleTimeoutMs: number;
  /** From the first byte of a request until its whole body has arrived. */
  requestTimeoutMs: number;
  /** How long a kept-alive connection waits for the client's next request. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as soon as they are accepted. */
  maxConnections: number;
}

/** The slowest uplink a device should still sync over: a poor 2G (EDGE) link, in bits per second. */
export const SLOWEST_UPLINK_BPS = 40_000;

/** The largest request a device sends: a full photo batch. */
export const LARGEST_REQUEST_BYTES = MAX_BLOB_BATCH_BYTES + MAX_BLOB_BATCH_HEADER_BYTES;

/**
 * - Headers: a request's headers are under 2 KB, a second even on 2G; 20 s leaves room for a
 *   radio's stalls and a proxy in between, and cuts a client that trickles header lines.
 * - Idle: a device in the middle of a request falls silent for seconds at worst; a minute of
 *   silence means it is gone. (It also bounds how long a request may be worked on without an
 *   answer: a push cut that way is still applied whole, and its re-send is answered duplicate.)
 * - Request: a full photo batch (8 MiB) over 2G at 40 kbit/s takes
 *   8 × 1,048,576 × 8 / 40,000 ≈ 1,680 s, 28 minutes: half an hour lets it finish.
 * - Keep-alive: a sync sends its requests back to back; 5 s idle between two is the end of it.
 * - Connections: a district's devices need a few each; 512 stays under the usual limit of 1024
 *   open files with room for the database and photo files.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 60_000,
  requestTimeoutMs: 30 * 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
};

/** Fastify's options for these limits (Node's own `http` options included). */
export function httpServerOptions(limits: HttpLimits): Pick<
  FastifyServerOptions,
  'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout' | 'forceCloseConnections'
> & {
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // On close, kept-alive connections waiting for a next request are closed at once.
    forceCloseConnections: 'idle',
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks both timeouts at this interval (30 s by default), so a late check would
      // stretch them; a quarter of the shorter one keeps them within a quarter of their value.
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(
          30_000,
          Math.round(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4),
        ),
      ),
    },
  };
}

export function applyConnectionLimit(app: FastifyInstance, limits: HttpLimits): void {
  app.server.maxConnections = limits.maxConnections;
}

/** Refuses limits Node would reject or that make no sense together. */
export function checkHttpLimits(limits: HttpLimits): HttpLimits {
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      'FI_HTTP_HEADERS_TIMEOUT_S must not be longer than FI_HTTP_REQUEST_TIMEOUT_S: the headers ' +
        'are part of the request.',
    );
  }
  return limits;
}
