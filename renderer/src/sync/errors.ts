// The errors the HQ server client raises, so that screens can say what went wrong in plain words.
import type { ServerAddressProblem } from '../../../domain/transport/server-address';

/** The server could not be reached at all (offline, DNS, refused, CORS). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot reach ${url}`, options);
  }
}

/** The server answered with an HTTP error; `code` and `message` are the server's own. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds from the Retry-After header, when the server sent one. */
    readonly retryAfterSeconds: number | null = null,
    /** The device's last mid on the server, when a push was refused for a gap (409). */
    readonly lastMid: number | null = null,
    /** The fields a 400 or 409 names, as the server gave them (path and a short reason). */
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

/** The server answered, but not with what the protocol says. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * The client refused to contact the server: its address breaks the transport rule (plain http
 * to another computer without the user's permission, say). Nothing was sent.
 */
export class ServerAddressError extends Error {
  override readonly name = 'ServerAddressError';
  constructor(
    readonly url: string,
    readonly problem: ServerAddressProblem,
  ) {
    super(`refused to contact ${url}: server address ${problem}`);
  }
}

/** The server cannot be reached now (no network, or an address the transport rule refuses). */
export const isOffline = (error: unknown): boolean =>
  error instanceof NetworkError || error instanceof ServerAddressError;
