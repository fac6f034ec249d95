// A service receipt (送达回证) recorded after the inspection was submitted, as the app records
// one from the printed document, is taken; once the server holds it, it never changes and is
// never removed (receiptFixed), and the refused change leaves the stored record as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inspection } from '../../domain/schemas/inspection';
import type { ServiceReceipt } from '../../domain/schemas/service-receipt';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { storedInspection, uploadSignature } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { push, signIn, upsert } from '../support/push-fixtures';
import { submitWithHazards } from '../support/register-fixtures';
import { databaseKinds } from '../support/test-databases';

const ZONE = '330604400';

describe.each(databaseKinds)('service receipts once held on %s', (kind) => {
  let t: DemoApp;
  let li: Device;
  let wang: Device;
  let served: Inspection;
  let receipt: ServiceReceipt;

  beforeAll(async () => {
    t = await demoApp(kind);
    li = await signIn(t.app, t.district, 'inspector.li');
    wang = await signIn(t.app, t.district, 'inspector.wang');
    const enterpriseId = t.district.enterprises.find((e) => e.town === ZONE)?.id ?? '';
    const draft = await submitWithHazards(t, li, [wang.userId], enterpriseId, 1);
    served = (await storedInspection(t, draft.id)).data;
    receipt = {
      id: crypto.randomUUID(),
      document: 'order',
      method: 'direct',
      servedAt: '2026-11-29T07:40:00.000+08:00',
      place: '企业安全办公室',
      servedBy: [li.userId],
      recipient: { name: '王建国', title: '安全负责人' },
      signature: await uploadSignature(t.app, li, 'recipient'),
      refusal: null,
    };
  });
  afterAll(() => t.close());

  it('takes a receipt added to a submitted inspection', async () => {
    const res = await push(t.app, li, [
      upsert('inspection', { ...served, serviceReceipts: [receipt] }),
    ]);
    expect(res.results.map((r) => [r.status, r.error])).toEqual([['applied', undefined]]);
    served = (await storedInspection(t, served.id)).data;
    expect(served.serviceReceipts).toEqual([receipt]);
  });

  it('refuses a change or a removal of a receipt it holds, and keeps the record as it was', async () => {
    const stored = await storedInspection(t, served.id);
    for (const receipts of [[{ ...receipt, place: '企业门卫室' }], []]) {
      const res = await push(t.app, li, [
        upsert('inspection', { ...served, serviceReceipts: receipts }, stored.version),
      ]);
      expect(res.results[0]?.reason?.code).toBe('receiptFixed');
      expect(await storedInspection(t, served.id)).toEqual(stored);
    }
  });
});
