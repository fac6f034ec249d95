// The HQ server's HTTP core (/api/v1), shared by the sync client and the administration clients:
// the transport rule asked before each request, the bearer token, failures turned into
// NetworkError, ApiError or ProtocolError, and answers parsed with the protocol schemas.
import type { z } from 'zod';
import { API_PREFIX, errorResponseSchema } from '../../../domain/sync/protocol';
import { checkServerAddress } from '../../../domain/transport/server-address';
import { ApiError, NetworkError, ProtocolError, ServerAddressError } from './errors';

export interface HttpOptions {
  /** The server's base URL, e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  token?: string | null;
  fetch?: typeof fetch;
  /**
   * Whether the user allows plain http to another computer (the Settings switch), asked at
   * each request so that turning it off stops a client already in use. Not allowed if absent.
   */
  allowInsecureHttp?: () => boolean;
}

export interface HttpCore {
  readonly serverUrl: string;
  /** A request to `path` under the API prefix; a refusal throws ApiError. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The answer's JSON parsed with `schema`; anything else throws ProtocolError. */
  json<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>>;
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status line.
  }
  const parsed = errorResponseSchema.safeParse(body);
  return parsed.success
    ? new ApiError(
        response.status,
        parsed.data.error,
        parsed.data.message,
        retryAfter,
        parsed.data.lastMid ?? null,
      )
    : new ApiError(
        response.status,
        'http_error',
        response.statusText || `HTTP ${response.status}`,
        retryAfter,
      );
}

/**
 * A JSON request body, as a Blob: Chromium hands a Blob to its network service as it is, where a
 * string body is copied out of the page first. A push batch's few hundred kilobytes took about
 * three times as long to reach the server as a string (measured in headless Chromium).
 */
export const jsonBody = (value: unknown): Blob =>
  new Blob([JSON.stringify(value)], { type: 'application/json' });

export function createHttpCore(options: HttpOptions): HttpCore {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const allowed = checkServerAddress(serverUrl, {
      allowInsecureHttp: options.allowInsecureHttp?.() ?? false,
    });
    if (!allowed.ok) throw new ServerAddressError(serverUrl, allowed.problem);
    const url = `${serverUrl}${API_PREFIX}${path}`;
    const headers = new Headers(init.headers);
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (init.body !== undefined && !headers.has('content-type')) {
      headers.set('content-type', 'application/json');
    }
    let response: Response;
    try {
      response = await doFetch(url, { ...init, headers });
    } catch (cause) {
      throw new NetworkError(serverUrl, { cause });
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function json<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new ProtocolError('the server answered with something other than JSON', { cause });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ProtocolError(`unexpected answer: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  return { serverUrl, request, json };
}
