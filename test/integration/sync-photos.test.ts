// The app's own photo flow against the server's photo rules, with the renderer's real sync code on
// its own IndexedDB (fake-indexeddb): a hazard's photo and the lead's signature are uploaded
// before the records that refer to them and accepted; a co-inspector from another town pulls the
// inspection and downloads both; a device that names a photo it never held has that change
// refused and keeps it, with the reason, among its refused changes.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { putLocalBlob } from '../../renderer/src/db/repositories/blobs';
import { writeLocal } from '../../renderer/src/db/outbox/queue';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { jpeg, photoRef, sha } from '../support/blob-fixtures';
import type { DemoApp } from '../support/demo-app';
import { demoApp, login } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import { newFinding, newInspection } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';
const inspectionTime = '2026-11-29T08:00:00.000+08:00';

interface AppDevice {
  db: FieldInspectorDb;
  client: ApiClient;
  deviceId: string;
  userId: string;
}

describe.each(databaseKinds)('the app’s photos against the server’s rules, on %s', (kind) => {
  let t: DemoApp;
  const devices: AppDevice[] = [];

  const device = async (username: string): Promise<AppDevice> => {
    const answer = await login(t.app, username);
    const user = t.district.users.find((u) => u.record.username === username)?.record;
    if (!user) throw new Error(`no demo user ${username}`);
    const db = openUserDatabase(`${user.id}-photos-${kind}`);
    const client = createApiClient({
      serverUrl: 'https://hq.test',
      token: answer.token,
      fetch: injectFetch(() => t.app),
    });
    const made = { db, client, deviceId: answer.deviceId, userId: user.id };
    devices.push(made);
    return made;
  };
  const sync = (d: AppDevice) => runSyncCycle({ client: d.client, db: d.db, deviceId: d.deviceId });

  beforeAll(async () => {
    t = await demoApp(kind);
  });
  afterAll(async () => {
    for (const d of devices) {
      d.db.close();
      await d.db.delete();
    }
    await t.close();
  });

  it('takes the photos and signature the app uploads, and lets a co-inspector from elsewhere download them', async () => {
    const li = await device('inspector.li');
    const wang = await device('inspector.wang');
    const enterprise = t.district.enterprises.find((e) => e.town === ZONE);
    if (!enterprise) throw new Error('no enterprise in the zone');
    // Made on li's device as the screens make them: the photo's bytes kept, then the records.
    const photo = jpeg('app photo of a leaking valve');
    await putLocalBlob(li.db, photoRef(photo), new Blob([photo], { type: 'image/jpeg' }));
    // The lead's signature, kept as the signing panel keeps it: its PNG, then its reference.
    const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), jpeg('ink', 500)]);
    const ink = { sha256: sha(png), mime: 'image/png' as const, size: png.length };
    await putLocalBlob(li.db, ink, new Blob([png], { type: 'image/png' }));
    const inspection = newInspection(t.district, li.userId, enterprise.id, {
      coInspectorIds: [wang.userId],
      signatures: [
        { role: 'lead', userId: li.userId, name: '李', image: ink, signedAt: inspectionTime },
      ],
    });
    await writeLocal(li.db, 'inspection', inspection);
    const finding = newFinding(inspection, { photos: [photoRef(photo)] });
    await writeLocal(li.db, 'finding', finding);

    const result = await sync(li);
    expect(result.pushed).toMatchObject({ rejected: 0 });
    expect(result.blobsUploaded).toBe(2);
    const refs = await t.db.query<{ record_id: string }>(
      `SELECT record_id::text AS record_id FROM blob_refs WHERE sha256 = ANY ($1::text[])`,
      [[photoRef(photo).sha256, ink.sha256]],
    );
    expect(refs.map((r) => r.record_id).sort()).toEqual([inspection.id, finding.id].sort());

    await sync(wang);
    expect(await wang.db.inspections.get(inspection.id)).toBeTruthy();
    expect(await wang.db.findings.get(finding.id)).toBeTruthy();
    expect(await wang.db.enterprises.get(enterprise.id)).toBeTruthy();
    // What the inspection screens fetch of the photos this device lacks.
    for (const [ref, bytes] of [
      [photoRef(photo), photo],
      [ink, png],
    ] as const) {
      const got = Buffer.from(await (await wang.client.getBlob(ref.sha256)).arrayBuffer());
      expect(Buffer.compare(got, bytes)).toBe(0);
    }
  });

  it('keeps a change naming a photo the device never held among the refused, and the server nothing', async () => {
    const zhao = await device('inspector.zhao');
    const town = t.district.users.find((u) => u.record.username === 'inspector.zhao')?.record
      .jurisdiction[0];
    const enterprise = t.district.enterprises.find((e) => e.town === town);
    if (!enterprise) throw new Error('no enterprise of zhao');
    // The hash of li's photo, learned somehow; the bytes are not on this device.
    const learned = photoRef(jpeg('app photo of a leaking valve'));
    const inspection = newInspection(t.district, zhao.userId, enterprise.id);
    const finding = newFinding(inspection, { photos: [learned] });
    await writeLocal(zhao.db, 'inspection', inspection);
    await writeLocal(zhao.db, 'finding', finding);

    const result = await sync(zhao);
    expect(result.pushed).toMatchObject({ applied: 1, rejected: 1 });
    const refused = await zhao.db.rejected.toArray();
    expect(refused.map((r) => [r.id, r.refusal?.code, r.refusal?.params?.sha256])).toEqual([
      [finding.id, 'photoNotUploaded', learned.sha256],
    ]);
    const [stored] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE id = $1::uuid`,
      [finding.id],
    );
    expect(stored?.n).toBe(0);
  });
});
