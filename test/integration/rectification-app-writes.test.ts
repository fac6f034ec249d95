// The app's own rectification steps, as its repositories write them, are what the server's ledger
// accepts: a report, a failed re-inspection made on the device's copy before it pulled the
// server's stamps back, a request for more time, and a supervisor's grant on another device.
// The renderer's real repositories, outbox and push (fake-indexeddb) against the real server.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideExtensionRequest,
  recordExtensionRequest,
} from '../../renderer/src/db/repositories/extensions';
import {
  recordReinspection,
  recordRectificationReport,
} from '../../renderer/src/db/repositories/rectification';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { readRecord } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import type { Scene } from '../support/rectification-fixtures';
import { rectificationScene, storedHazard } from '../support/rectification-fixtures';
import type { AppDevice } from '../support/app-devices';
import { appDevices, sendOutbox } from '../support/app-devices';
import { databaseKinds } from '../support/test-databases';
import { recordExtensionReceipt } from '../../renderer/src/db/repositories/service-receipts';

/** Half an hour before the server's clock: when the officer works on the device. */
const deviceNow = () => new Date(TEST_NOW.getTime() - 30 * 60_000);

describe.each(databaseKinds)("the app's rectification steps reach the server on %s", (kind) => {
  let t: DemoApp;
  let s: Scene;

  const devices = appDevices(() => t, `rectification-${kind}`);
  const appDevice = (username: string) => devices.open(username);

  beforeAll(async () => {
    t = await demoApp(kind);
    s = await rectificationScene(t);
  });
  afterAll(async () => {
    await devices.deleteAll();
    await t.close();
  });

  const push = async (d: AppDevice) => {
    await sendOutbox(d);
    expect(await d.db.rejected.toArray()).toEqual([]);
  };

  it('takes a report, a re-inspection, a request and a grant, each as the app wrote it', async () => {
    const hazard = await storedHazard(s);
    const chen = await appDevice('inspector.chen');
    expect(await chen.db.findings.get(hazard.id)).toBeDefined();

    await recordRectificationReport(
      chen.db,
      hazard.id,
      { reportedOn: '2026-11-28', note: '已更换' },
      chen.user,
      deviceNow,
    );
    await push(chen);
    const reported = await readRecord(t.db, 'finding', hazard.id);
    expect(reported?.rectification?.recordedAt).toBe(TEST_NOW.toISOString());

    // On the device's copy, which still holds its own time for the report.
    await recordReinspection(
      chen.db,
      hazard.id,
      {
        result: 'failed',
        photos: [],
        note: '仍渗漏',
        newDeadline: '2026-12-20',
        // Two officers make a visit: chen names li, who came with her.
        coInspectorIds: [s.li.userId],
      },
      chen.user,
      deviceNow,
    );
    await push(chen);
    const reinspected = await readRecord(t.db, 'finding', hazard.id);
    expect(reinspected).toMatchObject({
      status: 'open',
      deadline: '2026-12-20',
      rectification: reported?.rectification,
    });
    // The visit the app made is the server's too, with both its officers.
    const visitId = reinspected?.verification?.inspectionId ?? '';
    expect(await readRecord(t.db, 'inspection', visitId)).toMatchObject({
      kind: 'reinspection',
      leadInspectorId: chen.user.id,
      coInspectorIds: [s.li.userId],
    });
    expect(reinspected?.verification?.officerIds).toEqual([chen.user.id, s.li.userId]);

    await recordExtensionRequest(
      chen.db,
      hazard.id,
      { requestedOn: '2026-11-29', reason: '配件到货延迟', requestedDeadline: '2027-01-31' },
      chen.user,
      deviceNow,
    );
    await push(chen);

    const supervisor = await appDevice('supervisor.safety');
    const asked = await supervisor.db.findings.get(hazard.id);
    await decideExtensionRequest(
      supervisor.db,
      hazard.id,
      {
        extensionId: asked?.extensions?.[0]?.id ?? '',
        result: 'granted',
        newDeadline: '2027-01-15',
        comment: '同意延期至1月15日',
      },
      supervisor.user,
      deviceNow,
    );
    await push(supervisor);
    const granted = await readRecord(t.db, 'finding', hazard.id);
    expect(granted?.deadline).toBe('2027-01-15');
    expect(granted?.history?.map((e) => e.kind)).toEqual([
      'rectificationReported',
      'reinspected',
      'extensionRequested',
      'extensionDecided',
    ]);

    // The pull brings the server's record, stamps included, back to the device.
    await runSyncCycle({ client: chen.client, db: chen.db, deviceId: chen.deviceId });
    expect(await chen.db.findings.get(hazard.id)).toEqual(granted);

    // The supervisor serves the decision, records its receipt on the device as the print page
    // does (served by the hazard's officers), and syncs: the signature goes up, then the hazard.
    const found = await supervisor.db.inspections.get(hazard.inspectionId);
    const servers = found ? [found.leadInspectorId, ...found.coInspectorIds] : [];
    await recordExtensionReceipt(
      supervisor.db,
      hazard.id,
      granted?.extensions?.[0]?.id ?? '',
      {
        id: crypto.randomUUID(),
        document: 'extension',
        method: 'direct',
        servedAt: deviceNow().toISOString(),
        place: '企业办公楼',
        servedBy: servers,
        recipient: { name: '王建国', title: '安全负责人' },
        signaturePng: new Blob(
          [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])],
          {
            type: 'image/png',
          },
        ),
        refusal: null,
      },
      deviceNow,
    );
    await runSyncCycle({
      client: supervisor.client,
      db: supervisor.db,
      deviceId: supervisor.deviceId,
    });
    expect((await supervisor.db.rejected.toArray()).map((r) => r.reason)).toEqual([]);
    const served = await readRecord(t.db, 'finding', hazard.id);
    expect(servers.length).toBeGreaterThan(0);
    expect(served?.extensions?.[0]?.serviceReceipt).toMatchObject({
      document: 'extension',
      servedBy: servers,
    });
    expect(served?.extensions?.[0]?.decision).toEqual(granted?.extensions?.[0]?.decision);
  });
});
