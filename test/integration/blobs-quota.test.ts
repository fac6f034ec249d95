// The upload quota: the bytes one user uploaded that no record refers to yet stay under a limit;
// past it, uploads are refused (413 upload_quota_exceeded) and nothing is kept, until records
// refer to what was uploaded.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlobBatchResult } from '../../domain/sync/protocol';
import {
  blobStoreCases,
  inFileStore,
  jpeg,
  missingFor,
  photoRef,
  postBlobBatch,
  putBlob,
  sha,
} from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { errorBody } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import { pushNewFinding, signIn, withSignedInApp } from '../support/push-fixtures';

const SIZE = 2048;
// Three photos fit, a fourth does not.
const QUOTA = 3 * SIZE + 100;

describe.each(blobStoreCases)('upload quota on $kind (in files: $files)', ({ kind, files }) => {
  let t: DemoApp;
  let li: Device;
  let chen: Device;
  withSignedInApp(
    kind,
    'inspector.li',
    { blobsInFiles: files, uploadQuotaBytes: QUOTA },
    (app, d) => {
      t = app;
      li = d;
    },
  );
  beforeAll(async () => {
    chen = await signIn(t.app, t.district, 'inspector.chen');
  });

  const photo = (name: string) => jpeg(name, SIZE);
  const kept = async (hashes: string[]) => {
    const [row] = await t.db.query<{ blobs: number; uploads: number }>(
      `SELECT
         (SELECT count(*)::int FROM blobs WHERE sha256 IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))) AS blobs,
         (SELECT count(*)::int FROM blob_uploads WHERE sha256 IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))) AS uploads`,
      [JSON.stringify(hashes)],
    );
    const inFiles = t.blobDir ? hashes.filter((h) => inFileStore(t.blobDir ?? '', h)).length : 0;
    return { ...row, files: inFiles };
  };

  it('refuses uploads past the quota, keeps nothing of them, and takes them once records use the photos', async () => {
    const [a, b, c, d, e, f] = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => photo(`quota ${n}`));
    if (!a || !b || !c || !d || !e || !f) throw new Error('no photos');
    for (const bytes of [a, b, c])
      expect((await putBlob(t.app, li.token, bytes)).statusCode).toBe(201);

    const refused = await putBlob(t.app, li.token, d);
    expect(refused.statusCode).toBe(413);
    const body = errorBody(refused);
    expect(body.error).toBe('upload_quota_exceeded');
    expect(body.message).toMatch(/quota/i);
    expect(await kept([sha(d)])).toEqual({ blobs: 0, uploads: 0, files: 0 });
    expect(await missingFor(t.app, li.token, [sha(d)])).toEqual([sha(d)]);

    const batch = await postBlobBatch(t.app, li.token, [d, e]);
    expect(batch.statusCode).toBe(413);
    expect(errorBody(batch).error).toBe('upload_quota_exceeded');
    expect(await kept([sha(d), sha(e)])).toEqual({ blobs: 0, uploads: 0, files: 0 });

    // Bytes she uploaded already count once.
    expect((await putBlob(t.app, li.token, a)).statusCode).toBe(200);

    // Her hazard refers to two of them: they no longer count.
    const { res } = await pushNewFinding(t.app, t.district, li, {
      photos: [photoRef(a), photoRef(b)],
    });
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const after = await postBlobBatch(t.app, li.token, [d, e]);
    expect(after.statusCode).toBe(200);
    expect(after.json<{ results: BlobBatchResult[] }>().results.map((r) => r.status)).toEqual([
      'created',
      'created',
    ]);
    expect(await kept([sha(d), sha(e)])).toMatchObject({ blobs: 2, uploads: 2 });
    expect((await putBlob(t.app, li.token, f)).statusCode).toBe(413);
  });

  it('counts each user apart, and never bytes a record refers to', async () => {
    const mine = ['x', 'y', 'z'].map((n) => photo(`chen ${n}`));
    for (const bytes of mine)
      expect((await putBlob(t.app, chen.token, bytes)).statusCode).toBe(201);
    expect((await putBlob(t.app, chen.token, photo('chen w'))).statusCode).toBe(413);
    // A photo a record refers to (li's hazard photo) is no one's unused upload.
    const referenced = photo('quota a');
    expect((await putBlob(t.app, chen.token, referenced)).statusCode).toBe(201);
  });

  it('does not count an upload left pending by a race with the first reference to its bytes', async () => {
    const zhao = await signIn(t.app, t.district, 'inspector.zhao');
    for (const n of ['1', '2']) {
      expect((await putBlob(t.app, zhao.token, photo(`zhao ${n}`))).statusCode).toBe(201);
    }
    // Uploaded while a push made li's photo referenced: the push did not see this upload's row.
    const referenced = photo('quota a');
    expect((await putBlob(t.app, zhao.token, referenced)).statusCode).toBe(201);
    await t.db.query(`UPDATE blob_uploads SET pending = true WHERE sha256 = $1 AND user_id = $2`, [
      sha(referenced),
      zhao.userId,
    ]);
    expect((await putBlob(t.app, zhao.token, photo('zhao 3'))).statusCode).toBe(201);
  });
});
