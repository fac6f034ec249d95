// The evidence on a hazard's photos (when and where it was taken) against the server: the app's
// own photos, made by its evidence code and sent by its real sync, are accepted and stored with
// their evidence; a push whose evidence is out of range, malformed, or dated after the server
// received it is refused naming the field, and the server stores nothing of it.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/schemas/finding';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { putLocalBlob } from '../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../renderer/src/db/outbox/queue';
import { saveFindingContent } from '../../renderer/src/db/repositories/findings';
import {
  cameraEvidence,
  pickedFileEvidence,
} from '../../renderer/src/features/photos/photo-evidence';
import { createApiClient } from '../../renderer/src/sync/api-client';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { jpeg, photoRef, putBlob } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login, TEST_NOW } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import type { Device } from '../support/push-fixtures';
import { newFinding, newInspection, push, signIn, upsert } from '../support/push-fixtures';
import { NEVER_STORED, recordState, storedRecord } from '../support/stored-state';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';
const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

describe.each(databaseKinds)('evidence on photos against the server, on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let enterpriseId: string;
  let db: FieldInspectorDb | undefined;

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    enterpriseId = enterprise.id;
  });
  afterAll(async () => {
    db?.close();
    await db?.delete();
    await t.close();
  });

  it("accepts the app's own photos with each kind of evidence, and stores it as sent", async () => {
    const answer = await login(t.app, 'inspector.li');
    db = openUserDatabase(`${li.userId}-photo-evidence-${kind}`);
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      token: answer.token,
      fetch: injectFetch(() => t.app),
    });
    const photos = await Promise.all(
      [
        // The camera five minutes ago, where the device was.
        cameraEvidence(minutes(-5), {
          source: 'device',
          lat: 29.98,
          lon: 120.58,
          accuracyM: 14.2,
        }),
        // A phone's photo with its offset and GPS position; one without an offset; a scan.
        pickedFileEvidence(
          {
            taken: { local: '2026-11-29T07:41:03', offset: '+08:00' },
            gps: { lat: 29.9812, lon: 120.5803, accuracyM: null },
          },
          minutes(-1),
        ),
        pickedFileEvidence(
          { taken: { local: '2026-11-29T07:40:00', offset: null }, gps: null },
          minutes(-1),
        ),
        pickedFileEvidence({ taken: null, gps: null }, minutes(-1)),
      ].map(async (evidence, i) => {
        const bytes = jpeg(`evidence photo ${i}`);
        const ref = photoRef(bytes);
        await putLocalBlob(db!, ref, new Blob([bytes], { type: 'image/jpeg' }));
        return { ...ref, ...evidence };
      }),
    );
    const inspection = newInspection(t.district, li.userId, enterpriseId);
    const finding = newFinding(inspection, { photos });
    await writeLocal(db, 'inspection', inspection);
    // Saved as the hazard form saves it.
    const { itemId, title, description, category, grade, legalBasis, requirement, deadline } =
      finding;
    await saveFindingContent(
      db,
      { id: finding.id, inspectionId: inspection.id, enterpriseId, createdBy: li.userId },
      {
        ...{ itemId, title, description, category, grade, legalBasis, requirement, deadline },
        responsiblePerson: finding.responsiblePerson,
        photos,
      },
    );

    const result = await runSyncCycle({ client, db, deviceId: answer.deviceId });
    expect(result.pushed).toMatchObject({ applied: 2, rejected: 0 });
    const stored = await storedRecord<Finding>(t.db, 'finding', finding.id);
    expect(stored?.data.photos).toEqual(photos);
    expect(stored?.data.photos.map((p) => p.taken?.source)).toEqual([
      'camera',
      'exif',
      'exifLocal',
      'picked',
    ]);
  });

  /** Pushes a new hazard with `photo` and expects it refused with `code`, naming `field`. */
  async function expectRefused(photo: Record<string, unknown>, code: string, field: string) {
    const inspection = newInspection(t.district, li.userId, enterpriseId);
    await push(t.app, li, [upsert('inspection', inspection)]);
    const bytes = jpeg(`refused ${JSON.stringify(photo)}`);
    expect((await putBlob(t.app, li.token, bytes)).statusCode).toBeLessThan(300);
    const finding = newFinding(inspection, {
      photos: [{ ...photoRef(bytes), ...photo } as Finding['photos'][number]],
    });
    const res = await push(t.app, li, [upsert('finding', finding)]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', reason: { code } });
    const reason = res.results[0]?.status === 'rejected' ? res.results[0].reason : undefined;
    expect(JSON.stringify(reason?.params)).toContain(field);
    expect(await recordState(t.db, 'finding', finding.id)).toEqual(NEVER_STORED);
  }

  const camera = { source: 'camera', at: minutes(-1).toISOString() };
  const device = { source: 'device', lat: 29.98, lon: 120.58, accuracyM: 10 };

  it('refuses a position out of range or an accuracy that is not sane, naming the field', async () => {
    await expectRefused(
      { taken: camera, position: { ...device, lat: 91 } },
      'invalid',
      'data.photos.0.position.lat',
    );
    await expectRefused(
      { taken: camera, position: { ...device, lon: -181 } },
      'invalid',
      'data.photos.0.position.lon',
    );
    await expectRefused(
      { taken: camera, position: { ...device, accuracyM: -3 } },
      'invalid',
      'data.photos.0.position.accuracyM',
    );
    await expectRefused(
      { taken: camera, position: { ...device, accuracyM: 50_000 } },
      'invalid',
      'data.photos.0.position.accuracyM',
    );
    await expectRefused(
      { taken: camera, position: { ...device, source: 'guess' } },
      'invalid',
      'data.photos.0.position.source',
    );
  });

  it('refuses a time in the wrong form for its source, naming the field', async () => {
    await expectRefused(
      { taken: { source: 'exif', at: '2026-11-29T07:00:00' } },
      'invalid',
      'data.photos.0.taken.at',
    );
    await expectRefused(
      { taken: { source: 'exifLocal', at: '2026-11-29T07:00:00+08:00' } },
      'invalid',
      'data.photos.0.taken.at',
    );
    await expectRefused(
      { taken: { source: 'camera', at: 'this morning' } },
      'invalid',
      'data.photos.0.taken.at',
    );
  });

  it('refuses a photo taken more than ten minutes after the server received it, and takes one within', async () => {
    await expectRefused(
      { taken: { source: 'camera', at: minutes(11).toISOString() } },
      'photoTakenLater',
      'data.photos.0.taken.at',
    );
    // A zoneless time is read at its earliest (UTC+14): 08:00+08:00 is 00:00Z, so 14:11 local.
    await expectRefused(
      { taken: { source: 'exifLocal', at: '2026-11-29T14:11:00' } },
      'photoTakenLater',
      'data.photos.0.taken.at',
    );

    const inspection = newInspection(t.district, li.userId, enterpriseId);
    const bytes = jpeg('a clock nine minutes fast');
    expect((await putBlob(t.app, li.token, bytes)).statusCode).toBeLessThan(300);
    const within = {
      ...photoRef(bytes),
      taken: { source: 'camera' as const, at: minutes(9).toISOString() },
      position: null,
    };
    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', newFinding(inspection, { photos: [within] })),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('still accepts a photo recorded before evidence was kept', async () => {
    const inspection = newInspection(t.district, li.userId, enterpriseId);
    const bytes = jpeg('an old photo');
    expect((await putBlob(t.app, li.token, bytes)).statusCode).toBeLessThan(300);
    const finding = newFinding(inspection, { photos: [photoRef(bytes)] });
    const res = await push(t.app, li, [
      upsert('inspection', inspection),
      upsert('finding', finding),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await storedRecord<Finding>(t.db, 'finding', finding.id))?.data.photos).toEqual([
      photoRef(bytes),
    ]);
  });
});
