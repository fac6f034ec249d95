import { describe, expect, it } from 'vitest';
import { MAX_BLOB_BYTES } from '../../server/src/blobs/blob-store';
import { blobStoreCases, inFileStore, jpeg, sha } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { bearer, errorBody, getAs, postJson } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { push, pushNewFinding, signIn, upsert, withSignedInApp } from '../support/push-fixtures';

describe.each(blobStoreCases)('blobs on $kind (bytes in files: $files)', ({ kind, files }) => {
  let t: DemoApp;
  let li: Device;
  withSignedInApp(kind, 'inspector.li', { blobsInFiles: files }, (app, device) => {
    t = app;
    li = device;
  });

  const put = (device: Device, hash: string, body: Buffer, type = 'image/jpeg') =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/blobs/${hash}`,
      headers: { ...bearer(device.token), 'content-type': type },
      payload: body,
    });
  const get = (device: Device, hash: string) => getAs(t.app, `/api/v1/blobs/${hash}`, device.token);
  const missing = (hashes: string[]) =>
    postJson(t.app, '/api/v1/blobs/missing', { hashes }, bearer(li.token));

  it('tells which blobs are missing, stores a verified upload once, and serves it', async () => {
    const bytes = jpeg('a');
    const hash = sha(bytes);
    const other = sha(jpeg('never-sent'));
    const before = await missing([hash, other, hash]);
    expect(before.json()).toEqual({ missing: [hash, other] });
    expect((await put(li, hash, bytes)).statusCode).toBe(201);
    expect((await put(li, hash, bytes)).statusCode).toBe(200);
    const after = await missing([hash, other]);
    expect(after.json()).toEqual({ missing: [other] });
    const got = await get(li, hash);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.rawPayload, bytes)).toBe(0);
    if (t.blobDir) expect(inFileStore(t.blobDir, hash)).toBe(true);
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
    const kept = await missing([wrongName, sha(bytes), sha(big), sha(notJpeg)]);
    expect(kept.json<{ missing: string[] }>().missing).toHaveLength(4);
    const [rows] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM blobs WHERE sha256 = $1',
      [wrongName],
    );
    expect(rows?.n).toBe(0);
    const tooMany = await missing(Array.from({ length: 1001 }, () => wrongName));
    expect(tooMany.statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/v1/blobs/${sha(bytes)}`, payload: bytes }))
        .statusCode,
    ).toBe(401);
  });

  it('serves a photo only to users who may read a finding that refers to it (404 otherwise)', async () => {
    const wang = await signIn(t.app, t.district, 'inspector.wang');
    const zhao = await signIn(t.app, t.district, 'inspector.zhao');
    const supervisor = await signIn(t.app, t.district, 'supervisor.env');
    const admin = await signIn(t.app, t.district, 'admin');
    const bytes = jpeg('photo');
    const hash = sha(bytes);
    expect((await put(li, hash, bytes)).statusCode).toBe(201);
    // Not yet referenced: the uploader may read it, nobody else but admins.
    expect((await get(li, hash)).statusCode).toBe(200);
    expect((await get(wang, hash)).statusCode).toBe(404);

    // li's finding at an enterprise in the development zone, outside wang's and zhao's towns.
    const { inspection, finding, res, findingVersion } = await pushNewFinding(
      t.app,
      t.district,
      li,
      { photos: [{ sha256: hash, mime: 'image/jpeg', size: bytes.length }] },
    );
    const enterprise = t.district.enterprises.find((e) => e.id === inspection.enterpriseId);
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
    await push(t.app, li, [upsert('finding', { ...finding, version: findingVersion, photos: [] })]);
    expect((await get(supervisor, hash)).statusCode).toBe(404);
    expect((await get(admin, hash)).statusCode).toBe(200);
  });
});
