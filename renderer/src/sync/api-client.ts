// The sync client of the HQ server: sign-in, pull, push, blobs, conflicts and the register, each
// answer parsed with the protocol schemas of domain/sync. Transport and errors are http-core's.
import {
  BLOB_BATCH_MIME,
  blobBatchResponseSchema,
  blobsMissingResponseSchema,
  conflictListResponseSchema,
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
import type { BatchBlob } from './blob-batch-body';
import { blobBatchBody } from './blob-batch-body';
import { ProtocolError } from './errors';
import { createHttpCore, jsonBody } from './http-core';
import type { HttpCore, HttpOptions } from './http-core';

export type ApiClientOptions = HttpOptions;

export interface ApiClient {
  readonly serverUrl: string;
  /** The same server's HTTP core, for the administration clients built beside this one. */
  readonly http: HttpCore;
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

export function createApiClient(options: ApiClientOptions): ApiClient {
  const http = createHttpCore(options);
  const { serverUrl, request, json } = http;

  return {
    serverUrl,
    http,
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
