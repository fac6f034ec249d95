// Service receipts (送达回证) as the push takes them, on the inspection that issued the served
// document: the signatures a receipt holds (the recipient's, or the witnesses' of a refusal) are
// the record's like its officers', so each must be one its writer uploaded and stays kept; a
// refusal with fewer than two witnesses is refused whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobRef } from '../../domain/schemas/common';
import type { Inspection } from '../../domain/schemas/inspection';
import type { ServiceReceipt } from '../../domain/schemas/service-receipt';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { snapshot, uploadSignature, witnessedRefusal } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { push, signIn, upsert } from '../support/push-fixtures';
import { submissionBatch } from '../support/register-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)('service receipts on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let enterpriseId: string;

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    enterpriseId = t.district.enterprises.find((e) => e.town === ZONE)?.id ?? '';
  });
  afterAll(() => t.close());

  const refusedReceipt = (witnesses: BlobRef[]): ServiceReceipt => ({
    id: crypto.randomUUID(),
    document: 'order',
    method: 'left',
    servedAt: '2026-11-29T07:40:00.000+08:00',
    place: '企业门卫室',
    servedBy: [li.userId, wang.userId],
    recipient: { name: '王建国', title: '安全负责人' },
    signature: null,
    refusal: witnessedRefusal(witnesses),
  });

  it('keeps a refusal’s witness signatures with the inspection that served the order', async () => {
    const witnesses = [
      await uploadSignature(t.app, li, 'witness 1'),
      await uploadSignature(t.app, li, 'witness 2'),
    ];
    const batch = await submissionBatch(t, li, [wang.userId], enterpriseId, 1, {
      serviceReceipts: [refusedReceipt(witnesses)],
    });
    const res = await push(t.app, li, batch.mutations);
    expect(res.results.map((r) => [r.status, r.error])).toEqual(
      batch.mutations.map(() => ['applied', undefined]),
    );
    const refs = await t.db.query<{ sha256: string }>(
      `SELECT sha256 FROM blob_refs WHERE entity = 'inspection' AND record_id = $1::uuid`,
      [batch.draft.id],
    );
    expect(refs.map((r) => r.sha256)).toEqual(
      expect.arrayContaining(witnesses.map((w) => w.sha256)),
    );
  });

  it('keeps the recipient’s signature of a receipt signed for', async () => {
    const signature = await uploadSignature(t.app, li, 'recipient');
    const receipt: ServiceReceipt = {
      ...refusedReceipt([]),
      method: 'direct',
      signature,
      refusal: null,
    };
    const batch = await submissionBatch(t, li, [wang.userId], enterpriseId, 1, {
      serviceReceipts: [receipt],
    });
    const res = await push(t.app, li, batch.mutations);
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    const refs = await t.db.query<{ sha256: string }>(
      `SELECT sha256 FROM blob_refs WHERE entity = 'inspection' AND record_id = $1::uuid`,
      [batch.draft.id],
    );
    expect(refs.map((r) => r.sha256)).toContain(signature.sha256);
  });

  it('refuses a witness signature its writer did not upload, and a refusal with one witness', async () => {
    const own = await uploadSignature(t.app, li, 'witness 3');
    const notUploaded: BlobRef = { sha256: 'c'.repeat(64), mime: 'image/png', size: 20 };
    for (const [witnesses, code] of [
      [[own, notUploaded], 'photoNotUploaded'],
      [[own], 'invalid'],
    ] as const) {
      const batch = await submissionBatch(t, li, [wang.userId], enterpriseId, 0, {
        serviceReceipts: [refusedReceipt([...witnesses])],
      });
      const res = await push(t.app, li, batch.mutations);
      expect(res.results[0]?.reason?.code, code).toBe(code);
      expect(await snapshot(t, [batch.draft.id])).toEqual([]);
    }
  });

  it('refuses a receipt of a document the inspection does not issue, or served by a stranger', async () => {
    const signature = await uploadSignature(t.app, li, 'recipient');
    const signed: ServiceReceipt = {
      ...refusedReceipt([]),
      method: 'direct',
      signature,
      refusal: null,
    };
    const zhao = t.district.users.find((u) => u.record.username === 'inspector.zhao')?.record.id;
    for (const [receipt, code] of [
      [{ ...signed, document: 'reinspection' }, 'receiptDocument'],
      [{ ...signed, servedBy: [li.userId, zhao ?? ''] }, 'receiptServedBy'],
    ] as [ServiceReceipt, string][]) {
      const batch = await submissionBatch(t, li, [wang.userId], enterpriseId, 0, {
        serviceReceipts: [receipt],
      });
      const res = await push(t.app, li, batch.mutations);
      expect(res.results[0]?.reason?.code, code).toBe(code);
      expect(await snapshot(t, [batch.draft.id])).toEqual([]);
    }
  });

  it('is added to a submitted inspection by its officers only, not an administrator nor a supervisor', async () => {
    const batch = await submissionBatch(t, li, [wang.userId], enterpriseId, 0);
    const res = await push(t.app, li, batch.mutations);
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    const [held] = await snapshot(t, [batch.draft.id]);
    const signature = await uploadSignature(t.app, wang, 'recipient of the record');
    const receipt: ServiceReceipt = {
      ...refusedReceipt([]),
      document: 'record',
      method: 'direct',
      signature,
      refusal: null,
    };
    const served = { ...(held!.data as Inspection), serviceReceipts: [receipt] };
    for (const [username, code] of [
      ['admin', 'notYourInspection'],
      ['supervisor.safety', 'supervisorReviewOnly'],
    ] as const) {
      const writer = await signIn(t.app, t.district, username);
      const refused = await push(t.app, writer, [upsert('inspection', served, held!.version)]);
      expect(refused.results[0]?.reason?.code, username).toBe(code);
      expect(await snapshot(t, [batch.draft.id])).toEqual([held]);
    }
    const taken = await push(t.app, wang, [upsert('inspection', served, held!.version)]);
    expect([taken.results[0]?.status, taken.results[0]?.error]).toEqual(['applied', undefined]);
  });
});
