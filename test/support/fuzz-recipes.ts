// What the endpoint fuzzer sends, as recipes that fast-check generates (and prints when the
// property fails): every route of the server, by every kind of caller, with hostile bodies,
// queries, path parameters and headers. fuzz-requests.ts sends them.
import fc from 'fast-check';
import { BLOB_BATCH_MIME } from '../../domain/sync/protocol';
import type { PushRecipe } from './fuzz-push';
import { pushRecipe } from './fuzz-push';
import type { Perturbation } from './fuzz-values';
import { hostileNumber, hostileString, hostileValue, perturbation } from './fuzz-values';
import type { ActorName } from './fuzz-world';

export type Caller = 'none' | 'forged' | 'revoked' | ActorName;

export type Auth =
  | 'proper'
  | 'lowercase'
  | 'noScheme'
  | 'basic'
  | 'extraSpaces'
  | 'twoTokens'
  | 'quoted'
  | { raw: string };

export interface Headers {
  auth: Auth;
  contentType: 'proper' | string;
  contentLength: 'proper' | 'short' | 'long' | 'nonsense';
}

export type Body =
  | { kind: 'valid'; changes: Perturbation[] }
  | { kind: 'value'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'none' };

export type Sha = { pick: number } | 'random' | { raw: string };
export type Query = { key: string; value: string }[];

export type RequestRecipe = { caller: Caller; headers: Headers } & (
  | { endpoint: 'health' }
  | { endpoint: 'login'; who: number; rightPassword: boolean; body: Body; unthrottled: boolean }
  | { endpoint: 'logout'; fresh: boolean; body: Body }
  | { endpoint: 'me' }
  | { endpoint: 'pull'; query: Query }
  | { endpoint: 'push'; push: PushRecipe }
  | { endpoint: 'missing'; body: Body }
  | { endpoint: 'putBlob'; sha: Sha | 'match'; bytes: Bytes; mime: string }
  | { endpoint: 'getBlob'; sha: Sha }
  | { endpoint: 'blobBatch'; batch: Batch }
  | { endpoint: 'conflicts'; query: Query }
  | { endpoint: 'resolve'; id: Sha; body: Body }
  | { endpoint: 'raw'; method: 'GET' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS'; path: string }
);

export type Bytes = 'jpeg' | 'png' | 'webp' | 'garbage' | 'empty';

export interface Batch {
  parts: { bytes: Bytes; named: boolean; mime: string; sizeDelta: number }[];
  header: Perturbation[];
  prefix: 'proper' | 'zero' | 'huge' | 'short';
  tail: 'none' | 'extra' | 'truncate';
}

const MIMES = ['image/jpeg', 'image/png', 'image/webp'];
const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  'image/jpeg',
  BLOB_BATCH_MIME,
  'application/json; charset=latin1',
  ';;;',
  'application/json\u0000',
];
const RAW_TEXTS = [
  '{',
  '{"username": ',
  '\ufeff{}',
  'null',
  '1',
  '"a string"',
  '{"__proto__": {"polluted": 1}}',
  '{"constructor": {"prototype": {"polluted": 1}}}',
  '{"a": 1, "a": 2}',
  '{"limit": 1e999}',
  '\u0000',
  ' '.repeat(70_000),
  `${'['.repeat(60_000)}${']'.repeat(60_000)}`,
  `${'{"a":'.repeat(30_000)}1${'}'.repeat(30_000)}`,
];
const RAW_PATHS = [
  '/api/v1',
  '/api/v1/',
  '/api/v1/nothing',
  '/api/v1/sync/push',
  '/api/v1/sync/pull?limit=1&limit=2',
  '/api/v1/sync/pull?cursor[]=a',
  '/api/v1/blobs/%00',
  '/api/v1/blobs/%E0%A4%A',
  '/api/v1/blobs/..%2F..%2Fetc%2Fpasswd',
  '/api/v1/conflicts/%20/resolve',
  '/api/v1/me/../health',
  '/api/v1//me',
  '/api/v2/me',
  '/%00',
  '/index.html',
  '/../../package.json',
  `/api/v1/${'a'.repeat(10_000)}`,
];

export const body = (valid: number): fc.Arbitrary<Body> =>
  fc.oneof(
    {
      weight: valid,
      arbitrary: fc
        .oneof(fc.constant<Perturbation[]>([]), fc.array(perturbation, { maxLength: 2 }))
        .map((changes) => ({ kind: 'valid' as const, changes })),
    },
    { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'value' as const, value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_TEXTS).map((text) => ({ kind: 'text' as const, text })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  );

const sha: fc.Arbitrary<Sha> = fc.oneof(
  { weight: 3, arbitrary: fc.nat().map((pick) => ({ pick })) },
  { weight: 2, arbitrary: fc.constant('random' as const) },
  { weight: 2, arbitrary: hostileString.map((raw) => ({ raw })) },
);

export const queryValue = fc.oneof(
  hostileString,
  hostileNumber.map(String),
  fc.constantFrom('open', 'resolved', 'all', '1', '1000', '1001'),
);
const query = (keys: string[]): fc.Arbitrary<Query> =>
  fc.array(
    fc.record({
      key: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...keys) },
        { weight: 1, arbitrary: hostileString },
      ),
      value: queryValue,
    }),
    { maxLength: 3 },
  );

const bytes = fc.constantFrom<Bytes>('jpeg', 'jpeg', 'png', 'webp', 'garbage', 'empty');

const batch: fc.Arbitrary<Batch> = fc.record({
  parts: fc.array(
    fc.record({
      bytes,
      named: fc.boolean(),
      mime: fc.oneof(fc.constantFrom(...MIMES), hostileString),
      sizeDelta: fc.constantFrom(0, 0, 0, -1, 1, 10_000_000),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  header: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Perturbation[]>([]) },
    { weight: 1, arbitrary: fc.array(perturbation, { maxLength: 2 }) },
  ),
  prefix: fc.constantFrom('proper', 'proper', 'proper', 'zero', 'huge', 'short'),
  tail: fc.constantFrom('none', 'none', 'none', 'extra', 'truncate'),
});

export const headers: fc.Arbitrary<Headers> = fc.record({
  auth: fc.oneof(
    { weight: 40, arbitrary: fc.constant('proper' as const) },
    {
      weight: 3,
      arbitrary: fc.constantFrom<Auth>(
        'lowercase',
        'noScheme',
        'basic',
        'extraSpaces',
        'twoTokens',
        'quoted',
      ),
    },
    { weight: 1, arbitrary: hostileString.map((raw) => ({ raw })) },
  ),
  contentType: fc.oneof(
    { weight: 10, arbitrary: fc.constant('proper') },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  ),
  contentLength: fc.oneof(
    { weight: 30, arbitrary: fc.constant('proper' as const) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('short' as const, 'long' as const, 'nonsense' as const),
    },
  ),
});

export const caller: fc.Arbitrary<Caller> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.constantFrom<Caller>(
      'inspector',
      'inspector',
      'supervisor',
      'admin',
      'bystander',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('none', 'forged', 'revoked') },
);

const endpoint = fc.oneof(
  { weight: 1, arbitrary: fc.record({ endpoint: fc.constant('health' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      endpoint: fc.constant('login' as const),
      who: fc.nat(),
      rightPassword: fc.constantFrom(true, true, true, false),
      body: body(8),
      unthrottled: fc.constantFrom(true, true, true, false),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      endpoint: fc.constant('logout' as const),
      fresh: fc.boolean(),
      body: body(1),
    }),
  },
  { weight: 1, arbitrary: fc.record({ endpoint: fc.constant('me' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      endpoint: fc.constant('pull' as const),
      query: query(['cursor', 'limit']),
    }),
  },
  {
    weight: 12,
    arbitrary: fc.record({ endpoint: fc.constant('push' as const), push: pushRecipe }),
  },
  { weight: 2, arbitrary: fc.record({ endpoint: fc.constant('missing' as const), body: body(3) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      endpoint: fc.constant('putBlob' as const),
      sha: fc.oneof(
        { weight: 3, arbitrary: fc.constant('match' as const) },
        { weight: 1, arbitrary: sha },
      ),
      bytes,
      mime: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...MIMES) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ endpoint: fc.constant('getBlob' as const), sha }) },
  { weight: 2, arbitrary: fc.record({ endpoint: fc.constant('blobBatch' as const), batch }) },
  {
    weight: 1,
    arbitrary: fc.record({
      endpoint: fc.constant('conflicts' as const),
      query: query(['status', 'limit']),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ endpoint: fc.constant('resolve' as const), id: sha, body: body(4) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      endpoint: fc.constant('raw' as const),
      method: fc.constantFrom(
        'GET' as const,
        'DELETE' as const,
        'PATCH' as const,
        'HEAD' as const,
        'OPTIONS' as const,
      ),
      path: fc.oneof(
        fc.constantFrom(...RAW_PATHS),
        hostileString.map((s) => `/api/v1/${encodePart(s)}`),
      ),
    }),
  },
);

export const requestRecipe: fc.Arbitrary<RequestRecipe> = fc
  .tuple(caller, headers, endpoint)
  .map(([c, h, e]) => ({ caller: c, headers: h, ...e }) as RequestRecipe);

/** encodeURIComponent, except that a lone surrogate goes as the bytes it would have had. */
export function encodePart(value: string): string {
  return [...value]
    .map((c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        const code = c.charCodeAt(0);
        return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      }
    })
    .join('');
}
