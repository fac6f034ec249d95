// Photos and signatures a record may refer to: only bytes its writer uploaded, or may read
// already through a record (administrators: any the server holds). blobs/missing, uploads and
// GET tell a caller without the bytes nothing about other users' photos.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../domain/schemas/inspection';
import { photoCheckOf } from '../../server/src/sync/photo-references';
import { writeRecords } from '../../server/src/sync/record-store';
import { jpeg, missingFor, photoRef, postBlobBatch, putBlob, sha } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { getAs } from '../support/demo-app';
import type { Device } from '../support/push-fixtures';
import {
  newFinding,
  newInspectionOf,
  push,
  pushNewFinding,
  signIn,
  upsert,
  withSignedInApp,
} from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('photo references on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let chen: Device;
  let admin: Device;
  /** li's draft in the development zone, with a hazard photographed by li. */
  let liDraft: Inspection;
  withSignedInApp(kind, 'inspector.li', {}, (app, device) => {
    t = app;
    li = device;
  });

  // li's photo of a hazard in the development zone: not wang's town, chen's too.
  const liPhoto = jpeg('li zone photo');
  const hash = sha(liPhoto);

  beforeAll(async () => {
    wang = await signIn(t.app, t.district, 'inspector.wang');
    chen = await signIn(t.app, t.district, 'inspector.chen');
    admin = await signIn(t.app, t.district, 'admin');
    expect((await putBlob(t.app, li.token, liPhoto)).statusCode).toBe(201);
    const { inspection, res } = await pushNewFinding(t.app, t.district, li, {
      photos: [photoRef(liPhoto)],
    });
    liDraft = inspection;
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const town = t.district.enterprises.find((e) => e.id === inspection.enterpriseId)?.town;
    const wangTowns = t.district.users.find((u) => u.record.username === 'inspector.wang')?.record
      .jurisdiction;
    expect(town && wangTowns && !wangTowns.includes(town)).toBe(true);
  });

  const stored = async (id: string) =>
    (
      await t.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM records WHERE id = $1::uuid`,
        [id],
      )
    )[0]?.n ?? 0;
  const refsOf = async (id: string) =>
    (
      await t.db.query<{ sha256: string }>(
        `SELECT sha256 FROM blob_refs WHERE record_id = $1::uuid ORDER BY sha256`,
        [id],
      )
    ).map((r) => r.sha256);
  const get = (device: Device, h: string) => getAs(t.app, `/api/v1/blobs/${h}`, device.token);

  /** Pushes a new draft of `device`'s user with one finding whose photos are `photos`. */
  const draftWithPhotos = async (device: Device, photos: ReturnType<typeof photoRef>[]) => {
    const inspection = newInspectionOf(t.district, device);
    const finding = newFinding(inspection, { photos });
    const res = await push(t.app, device, [
      upsert('inspection', inspection),
      upsert('finding', finding),
    ]);
    return { inspection, finding, res };
  };

  it('refuses an inspector a photo of another town she learned the hash of, then takes it once she uploads the bytes', async () => {
    // What she learns from blobs/missing and GET: nothing.
    expect(await missingFor(t.app, wang.token, [hash])).toEqual([hash]);
    expect((await get(wang, hash)).statusCode).toBe(404);

    const refused = await draftWithPhotos(wang, [photoRef(liPhoto)]);
    expect(refused.res.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(refused.res.results[1]?.reason).toEqual({
      code: 'photoNotUploaded',
      params: { sha256: hash },
    });
    expect(refused.res.results[1]?.error).toContain(hash);
    expect(await stored(refused.finding.id)).toBe(0);
    expect(await refsOf(refused.finding.id)).toEqual([]);
    expect((await get(wang, hash)).statusCode).toBe(404);

    // The same bytes uploaded by her are answered as new to her, and prove she holds them.
    const upload = await putBlob(t.app, wang.token, liPhoto);
    expect(upload.statusCode).toBe(201);
    expect(upload.json()).toEqual({ sha256: hash, created: true });
    expect((await putBlob(t.app, wang.token, liPhoto)).statusCode).toBe(200);
    expect(await missingFor(t.app, wang.token, [hash])).toEqual([]);
    const taken = await push(t.app, wang, [upsert('finding', refused.finding)]);
    expect(taken.results.map((r) => r.status)).toEqual(['applied']);
    expect(await refsOf(refused.finding.id)).toEqual([hash]);
    expect((await get(wang, hash)).statusCode).toBe(200);
  });

  it('refuses a photo the server does not hold with the same answer, and a signature likewise', async () => {
    const absent = jpeg('never uploaded');
    const { finding, res } = await draftWithPhotos(wang, [photoRef(absent)]);
    expect(res.results[1]?.reason).toEqual({
      code: 'photoNotUploaded',
      params: { sha256: sha(absent) },
    });
    expect(await stored(finding.id)).toBe(0);

    const signature = {
      role: 'lead' as const,
      userId: wang.userId,
      name: '王',
      signedAt: '2026-11-29T08:00:00.000+08:00',
      image: photoRef(absent),
    };
    const inspection = newInspectionOf(t.district, wang, { signatures: [signature] });
    const signed = await push(t.app, wang, [upsert('inspection', inspection)]);
    expect(signed.results[0]?.status, JSON.stringify(signed.results)).toBe('rejected');
    expect(signed.results[0]?.reason?.code).toBe('photoNotUploaded');
    expect(await stored(inspection.id)).toBe(0);
  });

  it('lets an officer who reads a record with the photo refer to it without uploading it', async () => {
    // chen's towns include the zone: she reads li's hazard, hence its photo.
    expect(await missingFor(t.app, chen.token, [hash])).toEqual([]);
    const { finding, res } = await draftWithPhotos(chen, [photoRef(liPhoto)]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await refsOf(finding.id)).toEqual([hash]);
  });

  it('lets an administrator refer to any photo the server holds, and to no other, though they write no hazard', async () => {
    const absent = jpeg('admin never saw this');
    // Uploaded by li and referred to by no record yet: only li and administrators know of it.
    const unclaimed = jpeg('li upload no record uses');
    expect((await putBlob(t.app, li.token, unclaimed)).statusCode).toBe(201);
    expect(await missingFor(t.app, chen.token, [sha(unclaimed)])).toEqual([sha(unclaimed)]);
    expect(await missingFor(t.app, admin.token, [sha(unclaimed), sha(absent)])).toEqual([
      sha(absent),
    ]);
    const held = newFinding(liDraft, { photos: [photoRef(unclaimed)] });
    const missing = newFinding(liDraft, { photos: [photoRef(absent)] });
    const sent = [held, missing].map((f, i) => ({ ...upsert('finding', f), mid: i + 1 }));
    // What the push's photo check lets each writer refer to (administrators write no hazard
    // content since the ownership rules, so no push of theirs reaches it: asked directly).
    const userOf = (device: Device) =>
      t.district.users.find((u) => u.record.id === device.userId)!.record;
    const forAdmin = await photoCheckOf(t.db, userOf(admin), sent, new Map());
    expect(forAdmin.refusal('finding', held.id, held)).toBeNull();
    expect(forAdmin.refusal('finding', missing.id, missing)).toEqual({
      code: 'photoNotUploaded',
      params: { sha256: sha(absent) },
    });
    const forChen = await photoCheckOf(t.db, userOf(chen), sent, new Map());
    expect(forChen.refusal('finding', held.id, held)?.code).toBe('photoNotUploaded');

    // Through the push, an administrator's hazard is refused as not theirs, and nothing stored.
    const res = await push(t.app, admin, [upsert('finding', held)]);
    expect(res.results[0]?.reason?.code).toBe('notYourFinding');
    expect(await stored(held.id)).toBe(0);
    expect(await refsOf(held.id)).toEqual([]);
  });

  it('keeps references the stored record already had, and checks only the new ones', async () => {
    // A record stored with a photo the server never had (as an import could leave one).
    const inspection = newInspectionOf(t.district, li);
    const legacy = jpeg('legacy photo, bytes lost');
    const finding = newFinding(inspection, { photos: [photoRef(legacy)] });
    const written = await t.db.transaction((tx) =>
      writeRecords(tx, [
        { entity: 'inspection', data: inspection },
        { entity: 'finding', data: finding },
      ]),
    );
    const version = written[1]?.version ?? 0;
    const kept = await push(t.app, li, [
      upsert('finding', { ...finding, version, title: '已更正标题' }),
    ]);
    expect(kept.results.map((r) => r.status)).toEqual(['applied']);

    const absent = jpeg('another lost photo');
    const added = await push(t.app, li, [
      upsert('finding', {
        ...finding,
        version: kept.results[0]?.version ?? 0,
        photos: [photoRef(legacy), photoRef(absent)],
      }),
    ]);
    expect(added.results[0]?.reason).toEqual({
      code: 'photoNotUploaded',
      params: { sha256: sha(absent) },
    });
    expect(await refsOf(finding.id)).toEqual([sha(legacy)]);
  });

  it('answers a batch upload of bytes another user holds as created for this caller', async () => {
    const bytes = jpeg('batch photo of li');
    const first = await postBlobBatch(t.app, li.token, [bytes]);
    expect(first.json()).toEqual({ results: [{ sha256: sha(bytes), status: 'created' }] });
    const second = await postBlobBatch(t.app, wang.token, [bytes]);
    expect(second.json()).toEqual({ results: [{ sha256: sha(bytes), status: 'created' }] });
    const again = await postBlobBatch(t.app, wang.token, [bytes]);
    expect(again.json()).toEqual({ results: [{ sha256: sha(bytes), status: 'exists' }] });
    const uploaders = await t.db.query<{ user_id: string }>(
      `SELECT user_id::text AS user_id FROM blob_uploads WHERE sha256 = $1 ORDER BY user_id`,
      [sha(bytes)],
    );
    expect(uploaders.map((u) => u.user_id)).toEqual([li.userId, wang.userId].sort());
  });
});
