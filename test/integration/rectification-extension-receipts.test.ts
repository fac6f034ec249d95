// The service receipt of a granted extension's decision (延期整改审批表) through POST /sync/push,
// kept on the request it decides: only a granted decision is served, once, never changed or
// removed, by its supervisor or the hazard's officers, not before the day asked nor after the
// server's now, with signatures the writer uploaded, which blob GC then keeps. Every refusal
// reads the hazard and its blob references back unchanged.
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { decideExtension } from '../../domain/rules/extension';
import type { BlobRef } from '../../domain/schemas/common';
import type { ExtensionRequest, Finding } from '../../domain/schemas/finding';
import type { ServiceReceipt } from '../../domain/schemas/service-receipt';
import { collectUnusedBlobs } from '../../server/src/blobs/blob-gc';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW } from '../support/demo-app';
import { uploadSignature } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { upsert } from '../support/push-fixtures';
import type { Scene } from '../support/rectification-fixtures';
import {
  actingAs,
  expectRefused,
  extensionDecision,
  heldAskingForTime,
  heldFinding,
  pushOne,
  withRectificationScene,
} from '../support/rectification-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('extension decision receipts on %s', (kind) => {
  let t: DemoApp;
  let s: Scene;
  let signed: BlobRef;

  withRectificationScene(kind, async (scene) => {
    s = scene;
    t = scene.t;
    signed = await uploadSignature(t.app, s.li, 'extension recipient');
  });

  /** A hazard held with chen's request decided by the agency's supervisor (granted or not). */
  async function decided(result: 'granted' | 'refused' = 'granted'): Promise<Finding> {
    const asked = await heldAskingForTime(s);
    const grant = decideExtension(asked, extensionDecision(asked, { result }), actingAs(s.safety));
    const pushed = await pushOne(s, s.safety, upsert('finding', grant));
    expect([pushed.status, pushed.error]).toEqual(['applied', undefined]);
    const held = await heldFinding(t, grant.id);
    return { ...held!.data, version: held!.version };
  }

  const receipt = (over: Partial<ServiceReceipt> = {}): ServiceReceipt => ({
    id: uuidv7(),
    document: 'extension',
    method: 'direct',
    servedAt: '2026-11-29T07:40:00.000+08:00',
    place: '企业办公楼',
    servedBy: [s.li.userId],
    recipient: { name: '王建国', title: '安全负责人' },
    signature: signed,
    refusal: null,
    ...over,
  });

  const served = (f: Finding, r: ServiceReceipt | undefined, i = 0): Finding => ({
    ...f,
    extensions: (f.extensions ?? []).map((e: ExtensionRequest, j) =>
      j === i ? { ...e, serviceReceipt: r } : e,
    ),
  });

  const refs = (id: string) =>
    t.db.query(`SELECT sha256 FROM blob_refs WHERE entity = 'finding' AND record_id = $1::uuid`, [
      id,
    ]);

  async function refused(d: Device, f: Finding, code: string) {
    const before = await refs(f.id);
    await expectRefused(s, d, upsert('finding', f), code);
    expect(await refs(f.id)).toEqual(before);
  }

  it('keeps the receipt on the granted request; its signature is referenced and kept by GC', async () => {
    const f = await decided();
    const sent = receipt();
    const result = await pushOne(s, s.li, upsert('finding', served(f, sent)));
    expect([result.status, result.error]).toEqual(['applied', undefined]);
    const held = (await heldFinding(t, f.id))!.data;
    expect(held.extensions?.[0]?.serviceReceipt).toEqual(sent);
    // The decision keeps the time the server stamped on it.
    expect(held.extensions?.[0]?.decision).toEqual(f.extensions?.[0]?.decision);
    expect(await refs(f.id)).toEqual([{ sha256: signed.sha256 }]);
    await collectUnusedBlobs(t.db, t.blobs, {
      now: new Date(TEST_NOW.getTime() + 365 * 86_400_000),
      graceMs: 1000,
    });
    expect(
      await t.db.query(`SELECT referenced FROM blobs WHERE sha256 = $1`, [signed.sha256]),
    ).toEqual([{ referenced: true }]);

    // Once held, never replaced nor removed.
    const again = { ...served(f, receipt({ place: '门卫室' })), version: result.version ?? 0 };
    await refused(s.li, again, 'receiptFixed');
    await refused(s.li, { ...served(f, undefined), version: result.version ?? 0 }, 'receiptFixed');
  });

  it('serves only a granted decision, as the extension’s document', async () => {
    await refused(
      s.safety,
      served(await decided('refused'), receipt()),
      'extensionReceiptNotGranted',
    );
    await refused(s.li, served(await decided(), receipt({ document: 'order' })), 'receiptDocument');
  });

  it('is served by the deciding supervisor or the hazard’s officers only', async () => {
    const f = await decided();
    await refused(
      s.li,
      served(f, receipt({ servedBy: [s.li.userId, s.zhao.userId] })),
      'extensionReceiptServedBy',
    );
    const bySupervisor = await pushOne(
      s,
      s.safety,
      upsert('finding', served(f, receipt({ servedBy: [s.safety.userId, s.li.userId] }))),
    );
    expect([bySupervisor.status, bySupervisor.error]).toEqual(['applied', undefined]);
  });

  it('is recorded by one who may serve it: not an administrator, another officer or bureau', async () => {
    const f = await decided();
    // Each names li, who may serve it; the writer is who is refused: the administrator; chen, who
    // works the hazard's towns (he asked for the time) but was not at its inspection; and the
    // other bureau's supervisor, who did not decide it.
    for (const writer of [s.admin, s.chen, s.environment]) {
      await refused(writer, served(f, receipt()), 'extensionReceiptRecorder');
    }
    // Outside the hazard's towns the writer is refused before the receipt is read.
    await refused(s.zhao, served(f, receipt()), 'outsideJurisdiction');
  });

  it('is not dated before the request nor after the server’s now', async () => {
    const f = await decided();
    await refused(
      s.li,
      served(f, receipt({ servedAt: '2026-11-27T10:00:00.000+08:00' })),
      'extensionReceiptBeforeRequest',
    );
    const future = new Date(TEST_NOW.getTime() + 11 * 60_000).toISOString();
    await refused(s.li, served(f, receipt({ servedAt: future })), 'extensionReceiptFuture');
  });

  it('refuses a receipt that is none: signed for and refused at once', async () => {
    const f = await decided();
    await refused(s.li, served(f, receipt({ method: 'left' })), 'invalid');
  });

  it('refuses a signature the writer never uploaded', async () => {
    const f = await decided();
    const unknown = { ...signed, sha256: 'c'.repeat(64) };
    await refused(s.li, served(f, receipt({ signature: unknown })), 'photoNotUploaded');
  });

  it('takes the decision and its receipt in one push, from a device that decided offline', async () => {
    const asked = await heldAskingForTime(s);
    const grant = decideExtension(asked, extensionDecision(asked), actingAs(s.safety));
    const witnessed = await uploadSignature(t.app, s.safety, 'offline recipient');
    const result = await pushOne(
      s,
      s.safety,
      upsert(
        'finding',
        served(grant, receipt({ servedBy: [s.safety.userId], signature: witnessed })),
      ),
    );
    expect([result.status, result.error]).toEqual(['applied', undefined]);
    const held = (await heldFinding(t, grant.id))!.data;
    expect(held.extensions?.[0]?.serviceReceipt?.signature).toEqual(witnessed);
  });
});
