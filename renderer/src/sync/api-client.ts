// The HTTP client of the HQ server (/api/v1): bearer token, answers parsed with the protocol
// schemas of domain/sync, failures turned into NetworkError, ApiError or ProtocolError. Before
// each request it asks the transport rule whether the server may be contacted at all.
import type { z } from 'zod';
import {
  API_PREFIX,
  BLOB_BATCH_MIME,
  blobBatchResponseSchema,
  blobsMissingResponseSchema,
  conflictListResponseSchema,
  errorResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  resolveConflictResponseSchema,
} from '../../../domain/sync/protocol';
import type {
  BlobBatchResult,
  ConflictResolution,
  ConflictView,
  LoginRequest,
  LoginResponse,
  MeResponse,
  PullResponse,
  PushRequest,
  PushResponse,
} from '../../../domain/sync/protocol';
import { registerListResponseSchema } from '../../../domain/sync/register-api';
import type { RegisterListResponse } from '../../../domain/sync/register-api';
import { checkServerAddress } from '../../../domain/transport/server-address';
import type { BatchBlob } from './blob-batch-body';
import { blobBatchBody } from './blob-batch-body';
import { ApiError, NetworkError, ProtocolError, ServerAddressError } from './errors';

export interface ApiClientOptions {
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

export interface ApiClient {
  readonly serverUrl: string;
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(): Promise<void>;
  me(): Promise<MeResponse>;
  /** `unsent`: the changes this device still holds unsent, reported for administrators. */
  pull(query: { cursor: string | null; limit?: number; unsent?: number }): Promise<PullResponse>;
  push(request: PushRequest): Promise<PushResponse>;
  /** Tells the server this device has sent what it held and now deletes its data (a wipe). */
  wipeDone(deviceId: string): Promise<void>;
  /** Which of `hashes` the server does not hold. */
  missingBlobs(hashes: string[]): Promise<string[]>;
  putBlob(sha256: string, mime: string, bytes: Blob): Promise<void>;
  /** Several blobs in one request (POST /blobs/batch): an answer for each, in their order. */
  putBlobs(blobs: readonly BatchBlob[]): Promise<BlobBatchResult[]>;
  getBlob(sha256: string): Promise<Blob>;
  /** The conflicts log (supervisors and admins), newest first. */
  listConflicts(query: {
    status: 'open' | 'resolved' | 'all';
    limit?: number;
  }): Promise<ConflictView[]>;
  resolveConflict(id: string, keep: ConflictResolution): Promise<ConflictView>;
  /** A page of the document register (GET /register); `search` as registerQuerySchema takes it. */
  listRegister(search: RegisterSearch): Promise<RegisterListResponse>;
  /** The register's entries that `search` finds, as an Excel workbook. */
  exportRegister(search: RegisterSearch, lang: 'zh-CN' | 'en'): Promise<Uint8Array<ArrayBuffer>>;
}

/** The register's search as sent: each field given is a query parameter. */
export type RegisterSearch = Partial<
  Record<'number' | 'enterprise' | 'kind' | 'from' | 'to' | 'limit' | 'offset', string | number>
>;

const registerParams = (search: RegisterSearch, extra: Record<string, string> = {}) => {
  const query = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  return query.toString();
};

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
const jsonBody = (value: unknown): Blob =>
  new Blob([JSON.stringify(value)], { type: 'application/json' });

export function createApiClient(options: ApiClientOptions): ApiClient {
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

  return {
    serverUrl,
    async login(body) {
      const response = await request('/auth/login', { method: 'POST', body: jsonBody(body) });
      return json(response, loginResponseSchema);
    },
    async logout() {
      await request('/auth/logout', { method: 'POST' });
    },
    async me() {
      return json(await request('/me'), meResponseSchema);
    },
    async pull({ cursor, limit, unsent }) {
      const query = new URLSearchParams();
      if (cursor) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      if (unsent !== undefined) query.set('unsent', String(unsent));
      const suffix = query.size > 0 ? `?${query.toString()}` : '';
      return json(await request(`/sync/pull${suffix}`), pullResponseSchema);
    },
    async push(body) {
      const response = await request('/sync/push', { method: 'POST', body: jsonBody(body) });
      return json(response, pushResponseSchema);
    },
    async wipeDone(deviceId) {
      await request('/sync/wipe-done', { method: 'POST', body: jsonBody({ deviceId }) });
    },
    async missingBlobs(hashes) {
      const response = await request('/blobs/missing', {
        method: 'POST',
        body: jsonBody({ hashes }),
      });
      return (await json(response, blobsMissingResponseSchema)).missing;
    },
    async putBlob(sha256, mime, bytes) {
      await request(`/blobs/${sha256}`, {
        method: 'PUT',
        body: bytes,
        headers: { 'content-type': mime },
      });
    },
    async putBlobs(blobs) {
      const response = await request('/blobs/batch', {
        method: 'POST',
        body: blobBatchBody(blobs),
        headers: { 'content-type': BLOB_BATCH_MIME },
      });
      const { results } = await json(response, blobBatchResponseSchema);
      if (
        results.length !== blobs.length ||
        results.some((r, i) => r.sha256 !== blobs[i]?.sha256)
      ) {
        throw new ProtocolError('the server answered a blob batch for other blobs than were sent');
      }
      return results;
    },
    async getBlob(sha256) {
      return (await request(`/blobs/${sha256}`)).blob();
    },
    async listConflicts({ status, limit }) {
      const query = new URLSearchParams({ status });
      if (limit !== undefined) query.set('limit', String(limit));
      const response = await request(`/conflicts?${query.toString()}`);
      return (await json(response, conflictListResponseSchema)).conflicts;
    },
    async resolveConflict(id, keep) {
      const response = await request(`/conflicts/${encodeURIComponent(id)}/resolve`, {
        method: 'POST',
        body: jsonBody({ keep }),
      });
      return (await json(response, resolveConflictResponseSchema)).conflict;
    },
    async listRegister(search) {
      const response = await request(`/register?${registerParams(search)}`);
      return json(response, registerListResponseSchema);
    },
    async exportRegister(search, lang) {
      const response = await request(`/register/export.xlsx?${registerParams(search, { lang })}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
