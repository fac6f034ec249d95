import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app';
import type { DatabaseKind } from '../../server/src/db/database';
import { MAX_BLOB_BYTES, fileBlobStore } from '../../server/src/blobs/blob-store';
import type { DemoApp } from '../support/demo-app';
import { bearer, demoApp, errorBody, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  enterpriseFor,
  newFinding,
  newInspection,
  push,
  signIn,
  upsert,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

/** Bytes that start like a JPEG file, different for each seed. */
function jpeg(seed: string, size = 2048): Buffer {
  const bytes = Buffer.alloc(size, seed);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const cases = databaseKinds.flatMap((kind): { kind: DatabaseKind; files: boolean }[] =>
  kind === 'pglite'
    ? [
        { kind, files: false },
        { kind, files: true },
      ]
    : [{ kind, files: false }],
);

describe.each(cases)('blobs on $kind (bytes in files: $files)', ({ kind, files }) => {
  let t: DemoApp;
  let app: FastifyInstance;
  let dir: string | undefined;
  let li: Device;
  beforeAll(async () => {
    t = await demoApp(kind);
    dir = files ? mkdtempSync(join(tmpdir(), 'fi-blobs-')) : undefined;
    app = dir ? await buildApp({ db: t.db, blobs: fileBlobStore(dir) }) : t.app;
    li = await signIn(app, t.district, 'inspector.li');
  });
  afterAll(async () => {
    if (app !== t.app) await app.close();
    await t.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const put = (device: Device, hash: string, body: Buffer, type = 'image/jpeg') =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/blobs/${hash}`,
      headers: { ...bearer(device.token), 'content-type': type },
      payload: body,
    });
  const get = (device: Device, hash: string) =>
    app.inject({ method: 'GET', url: `/api/v1/blobs/${hash}`, headers: bearer(device.token) });

  it('tells which blobs are missing, stores a verified upload once, and serves it', async () => {
    const bytes = jpeg('a');
    const hash = sha(bytes);
    const other = sha(jpeg('never-sent'));
    const before = await postJson(
      app,
      '/api/v1/blobs/missing',
      { hashes: [hash, other, hash] },
      bearer(li.token),
    );
    expect(before.json()).toEqual({ missing: [hash, other] });
    expect((await put(li, hash, bytes)).statusCode).toBe(201);
    expect((await put(li, hash, bytes)).statusCode).toBe(200);
    const after = await postJson(
      app,
      '/api/v1/blobs/missing',
      { hashes: [hash, other] },
      bearer(li.token),
    );
    expect(after.json()).toEqual({ missing: [other] });
    const got = await get(li, hash);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.rawPayload, bytes)).toBe(0);
    if (dir) expect(existsSync(join(dir, hash.slice(0, 2), hash.slice(2, 4), hash))).toBe(true);
  });

  it('keeps nothing whose bytes do not hash to the name, or that is too large or not an image', async () => {
    const bytes = jpeg('b');
    const wrongName = sha(jpeg('c'));
    const mismatch = await put(li, wrongName, bytes);
    expect(mismatch.statusCode).toBe(400);
    expect(errorBody(mismatch).error).toBe('hash_mismatch');
    const big = jpeg('d', MAX_BLOB_BYTES + 1);
    const tooBig = await put(li, sha(big), big);
    expect(tooBig.statusCode).toBe(413);
    const text = Buffer.from('hello');
    expect((await put(li, sha(text), text, 'text/plain')).statusCode).toBe(415);
    const notJpeg = Buffer.alloc(100, 'x');
    expect((await put(li, sha(notJpeg), notJpeg)).statusCode).toBe(415);
    expect((await put(li, 'not-a-hash', bytes)).statusCode).toBe(400);
    const missing = await postJson(
      app,
      '/api/v1/blobs/missing',
      { hashes: [wrongName, sha(bytes), sha(big), sha(notJpeg)] },
      bearer(li.token),
    );
    expect(missing.json<{ missing: string[] }>().missing).toHaveLength(4);
    const [rows] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1',
      [wrongName],
    );
    expect(rows?.n).toBe(0);
    const tooMany = await postJson(
      app,
      '/api/v1/blobs/missing',
      { hashes: Array.from({ length: 1001 }, () => wrongName) },
      bearer(li.token),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'PUT', url: `/api/v1/blobs/${sha(bytes)}`, payload: bytes }))
        .statusCode,
    ).toBe(401);
  });

  it('serves a photo only to users who may read a finding that refers to it (404 otherwise)', async () => {
    const wang = await signIn(app, t.district, 'inspector.wang');
    const zhao = await signIn(app, t.district, 'inspector.zhao');
    const supervisor = await signIn(app, t.district, 'supervisor.env');
    const admin = await signIn(app, t.district, 'admin');
    const bytes = jpeg('photo');
    const hash = sha(bytes);
    expect((await put(li, hash, bytes)).statusCode).toBe(201);
    // Not yet referenced: the uploader may read it, nobody else but admins.
    expect((await get(li, hash)).statusCode).toBe(200);
    expect((await get(wang, hash)).statusCode).toBe(404);

    // li's finding at an enterprise in the development zone, outside wang's and zhao's towns.
    const inspection = newInspection(
      t.district,
      li.userId,
      enterpriseFor(t.district, 'inspector.li'),
    );
    const enterprise = t.district.enterprises.find((e) => e.id === inspection.enterpriseId);
    const finding = newFinding(inspection, {
      photos: [{ sha256: hash, mime: 'image/jpeg', size: bytes.length }],
    });
    const res = await push(app, li, [upsert('inspection', inspection), upsert('finding', finding)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(
      enterprise &&
        ['inspector.wang', 'inspector.zhao'].some((u) =>
          t.district.users
            .find((x) => x.record.username === u)
            ?.record.jurisdiction.includes(enterprise.town),
        ),
    ).toBe(false);

    expect((await get(li, hash)).statusCode).toBe(200);
    expect((await get(supervisor, hash)).statusCode).toBe(200);
    expect((await get(admin, hash)).statusCode).toBe(200);
    for (const outsider of [wang, zhao]) {
      const refused = await get(outsider, hash);
      expect(refused.statusCode).toBe(404);
      expect(errorBody(refused).error).toBe('not_found');
    }
    // Unknown and known-but-forbidden look the same.
    const unknown = await get(wang, sha(jpeg('nothing')));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toBe((await get(wang, hash)).body);

    // Once no record refers to it any more, the supervisor no longer reads it; admins still do.
    const version = res.results[1]?.version ?? 0;
    await push(app, li, [upsert('finding', { ...finding, version, photos: [] })]);
    expect((await get(supervisor, hash)).statusCode).toBe(404);
    expect((await get(admin, hash)).statusCode).toBe(200);
  });
});
