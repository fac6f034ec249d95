// Sends the endpoint fuzzer's requests (fuzz-recipes.ts describes them) to the app by inject,
// and tells the model what each one was meant to do.
import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { BLOB_BATCH_MIME } from '../../domain/sync/protocol';
import { createSession } from '../../server/src/auth/sessions';
import { DEMO_PASSWORD_FOR_TESTS, TEST_NOW } from './demo-app';
import { pushBody } from './fuzz-push';
import type {
  Auth,
  Batch,
  Body,
  Bytes,
  Caller,
  Headers,
  Query,
  RequestRecipe,
  Sha,
} from './fuzz-recipes';
import { encodePart } from './fuzz-recipes';
import { perturb } from './fuzz-values';
import type { Actor, ActorName, FuzzWorld } from './fuzz-world';
import { actorNames, tokenHash } from './fuzz-world';

const queryString = (q: Query) =>
  q.length === 0 ? '' : `?${q.map((p) => `${encodePart(p.key)}=${encodePart(p.value)}`).join('&')}`;

function fakeBytes(kind: Bytes, seed: number): Buffer {
  const heads: Record<Bytes, number[]> = {
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    png: [137, 80, 78, 71, 13, 10, 26, 10],
    webp: [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')],
    garbage: [1, 2, 3],
    empty: [],
  };
  if (kind === 'empty') return Buffer.alloc(0);
  const bytes = Buffer.alloc(256 + (seed % 512), seed % 251);
  bytes.set(heads[kind]);
  return bytes;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function resolveSha(world: FuzzWorld, s: Sha, known: string[]): string {
  if (s === 'random') return sha256(Buffer.from(uuidv7()));
  if ('raw' in s) return encodePart(s.raw);
  return known.length === 0 ? sha256(Buffer.from('none')) : known[s.pick % known.length]!;
}

function batchBody(b: Batch, seed: number): { payload: Buffer; named: string[] } {
  const parts = b.parts.map((p, i) => {
    const bytes = fakeBytes(p.bytes, seed + i);
    return { bytes, sha256: p.named ? sha256(bytes) : sha256(Buffer.from(`other${i}`)), p };
  });
  const header = perturb(
    {
      blobs: parts.map(({ bytes, sha256: s, p }) => ({
        sha256: s,
        mime: p.mime,
        size: bytes.length + p.sizeDelta,
      })),
    },
    b.header,
  );
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(
    b.prefix === 'zero'
      ? 0
      : b.prefix === 'huge'
        ? 0xffffffff
        : b.prefix === 'short'
          ? Math.max(1, json.length - 3)
          : json.length,
  );
  let payload = Buffer.concat([length, json, ...parts.map((p) => p.bytes)]);
  if (b.tail === 'extra') payload = Buffer.concat([payload, Buffer.from('extra')]);
  if (b.tail === 'truncate') payload = payload.subarray(0, Math.max(0, payload.length - 7));
  return { payload, named: parts.map((p) => p.sha256) };
}

export function authorization(token: string | null, auth: Auth): string | undefined {
  if (typeof auth === 'object') return auth.raw;
  if (token === null) return undefined;
  const variants: Record<Exclude<Auth, { raw: string }>, string> = {
    proper: `Bearer ${token}`,
    lowercase: `bearer ${token}`,
    noScheme: token,
    basic: `Basic ${Buffer.from(`admin:${token}`).toString('base64')}`,
    extraSpaces: `Bearer    ${token}   `,
    twoTokens: `Bearer ${token} ${token}`,
    quoted: `Bearer "${token}"`,
  };
  return variants[auth];
}

/** The signed-in actor a recipe's caller names, or null for a stranger. */
export function callerActor(world: FuzzWorld, caller: Caller): Actor | null {
  return (actorNames as readonly string[]).includes(caller)
    ? world.actors[caller as ActorName]
    : null;
}

/** The token a caller sends: its actor's, a forged one, a signed-out one, or none. */
export function callerToken(world: FuzzWorld, caller: Caller): string | null {
  return (
    callerActor(world, caller)?.token ??
    (caller === 'forged' ? 'A'.repeat(43) : caller === 'revoked' ? world.revokedToken : null)
  );
}

/** The headers a recipe sends with `token`, and with a payload of `contentType` if it has one. */
export function recipeHeaders(
  token: string | null,
  headers: Headers,
  contentType: string | undefined,
): Record<string, string> {
  const h: Record<string, string> = {};
  const auth = authorization(token, headers.auth);
  if (auth !== undefined) h.authorization = auth;
  if (contentType !== undefined) {
    h['content-type'] = headers.contentType === 'proper' ? contentType : headers.contentType;
  }
  return h;
}

/** What the model needs to know of a request besides its answer. */
export interface Sent {
  recipe: RequestRecipe;
  actor: Actor | null;
  /** For a push: its body as sent. */
  body: unknown;
  /** For a blob upload: the hash in its path. For a resolve: the conflict id. */
  target: string | null;
  /** For a sign-out: the session it signs out. */
  sessionHash: string | null;
}

const LOGIN_NAMES = [
  'inspector.wang',
  'inspector.zhao',
  'supervisor.env',
  'nobody.here',
  'Inspector.Wang',
];

/**
 * Sends the request a recipe describes. `ready` runs after what the request needs was made (a
 * session to sign out) and right before it is sent: the model's snapshot is taken there.
 */
export async function send(
  world: FuzzWorld,
  recipe: RequestRecipe,
  seed: number,
  ready: () => Promise<void>,
): Promise<{ res: LightMyRequestResponse; sent: Sent }> {
  const actor = callerActor(world, recipe.caller);
  let token = callerToken(world, recipe.caller);
  const sent: Sent = { recipe, actor, body: null, target: null, sessionHash: null };
  let method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' = 'GET';
  let url = '/api/v1/health';
  let payload: string | Buffer | undefined;
  let contentType = 'application/json';
  let remoteAddress = '127.0.0.1';
  const json = (b: Body, valid: () => Record<string, unknown>) => {
    if (b.kind === 'none') return undefined;
    if (b.kind === 'text') return b.text;
    const value = b.kind === 'valid' ? perturb(valid(), b.changes) : b.value;
    return JSON.stringify(value) ?? 'undefined';
  };
  switch (recipe.endpoint) {
    case 'health':
      break;
    case 'login': {
      method = 'POST';
      url = '/api/v1/auth/login';
      remoteAddress = `10.9.${seed % 200}.${recipe.who % 200}`;
      if (recipe.unthrottled) await world.t.db.query('DELETE FROM login_attempts');
      payload = json(recipe.body, () => ({
        username: LOGIN_NAMES[recipe.who % LOGIN_NAMES.length],
        password: recipe.rightPassword ? DEMO_PASSWORD_FOR_TESTS : 'not-the-password',
        deviceName: 'fuzz device',
        ...(recipe.who % 3 === 0 ? { deviceId: uuidv7() } : {}),
      }));
      break;
    }
    case 'logout': {
      method = 'POST';
      url = '/api/v1/auth/logout';
      if (recipe.fresh) {
        const userId = world.t.district.users.find((u) => u.record.username === 'inspector.zhao')!
          .record.id;
        const session = await createSession(world.t.db, userId, 'fuzz sign-out', TEST_NOW);
        token = session.token;
        sent.sessionHash = tokenHash(token);
      } else if (actor) {
        // The fuzzer keeps its own sessions: a sign-out is tried with a token that is not one.
        token = 'B'.repeat(43);
      }
      payload = json(recipe.body, () => ({}));
      break;
    }
    case 'me':
      url = '/api/v1/me';
      break;
    case 'pull':
      url = `/api/v1/sync/pull${queryString(recipe.query.map((p) => (p.key === 'cursor' && p.value === '1' ? { ...p, value: world.cursor } : p)))}`;
      break;
    case 'push': {
      method = 'POST';
      url = '/api/v1/sync/push';
      const pushAs = actor ?? world.actors.inspector;
      sent.body = pushBody(world, pushAs, recipe.push);
      payload = JSON.stringify(sent.body);
      break;
    }
    case 'missing':
      method = 'POST';
      url = '/api/v1/blobs/missing';
      payload = json(recipe.body, () => ({
        hashes: [...world.blobHashes.slice(0, 3), sha256(Buffer.from(String(seed)))],
      }));
      break;
    case 'putBlob': {
      method = 'PUT';
      const bytesOf = fakeBytes(recipe.bytes, seed);
      const hash =
        recipe.sha === 'match' ? sha256(bytesOf) : resolveSha(world, recipe.sha, world.blobHashes);
      url = `/api/v1/blobs/${hash}`;
      sent.target = hash;
      payload = bytesOf;
      contentType = recipe.mime;
      break;
    }
    case 'getBlob':
      url = `/api/v1/blobs/${resolveSha(world, recipe.sha, world.blobHashes)}`;
      break;
    case 'blobBatch': {
      method = 'POST';
      url = '/api/v1/blobs/batch';
      payload = batchBody(recipe.batch, seed).payload;
      contentType = BLOB_BATCH_MIME;
      break;
    }
    case 'conflicts':
      url = `/api/v1/conflicts${queryString(recipe.query)}`;
      break;
    case 'resolve': {
      method = 'POST';
      const id = resolveSha(world, recipe.id, world.conflictIds);
      sent.target = id;
      url = `/api/v1/conflicts/${id}/resolve`;
      payload = json(recipe.body, () => ({ keep: seed % 2 === 0 ? 'kept' : 'losing' }));
      break;
    }
    case 'raw':
      method = recipe.method;
      url = recipe.path;
      break;
  }
  const h = recipeHeaders(token, recipe.headers, payload === undefined ? undefined : contentType);
  if (payload !== undefined) {
    const length = Buffer.byteLength(payload);
    const lie = recipe.headers.contentLength;
    if (lie !== 'proper')
      h['content-length'] =
        lie === 'short'
          ? String(Math.max(0, length - 1))
          : lie === 'long'
            ? String(length + 10)
            : 'lots';
  }
  await ready();
  const res = await world.t.app.inject({
    method,
    url,
    headers: h,
    remoteAddress,
    ...(payload === undefined ? {} : { payload }),
  });
  return { res, sent };
}
