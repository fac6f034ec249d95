// Service receipts (送达回证) of a penalty case on the server: recorded by the case's handling
// officers or a supervisor of its agency, for the notice once 告知 issued it and the decision once
// 决定 did (never the internal 立案审批表), once each, at a time between the document's issue and
// the server's now, by officers of the case's agency, with signatures the server holds. Each
// refusal leaves the stored cases, the register and the blob references as they were; a recorded
// receipt's signatures are kept by blob GC and readable by the case's other readers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectUnusedBlobs } from '../../server/src/blobs/blob-gc';
import type { BlobRef } from '../../domain/schemas/common';
import type { Finding } from '../../domain/schemas/finding';
import type { PenaltyCase } from '../../domain/schemas/penalty-case';
import type { ServiceReceipt } from '../../domain/schemas/service-receipt';
import { caseOk, caseState, postCase, submitHazards } from '../support/case-fixtures';
import type { DemoApp } from '../support/demo-app';
import { demoApp, getAs } from '../support/demo-app';
import { uploadSignature, witnessedRefusal } from '../support/inspection-fixtures';
import type { Device } from '../support/push-fixtures';
import { addColleague, enterpriseFor, signInAll } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

const LATER = new Date('2026-12-10T09:00:00+08:00');
const hours = (n: number) => new Date(LATER.getTime() + n * 3_600_000);

describe.each(databaseKinds)('penalty case service receipts on %s', (kind) => {
  let t: DemoApp;
  let d: Record<'li' | 'wang' | 'safety' | 'env' | 'admin', Device>;
  let colleague: Device;
  let theCase: PenaltyCase;
  let signed: BlobRef;

  beforeAll(async () => {
    t = await demoApp(kind);
    d = await signInAll(t.app, t.district, {
      li: 'inspector.li',
      wang: 'inspector.wang',
      safety: 'supervisor.safety',
      env: 'supervisor.env',
      admin: 'admin',
    });
    const { findings } = await submitHazards(
      t,
      d.li,
      [d.wang.userId],
      enterpriseFor(t.district, 'inspector.li'),
      [{ grade: 'major', deadline: '2026-12-05' }],
    );
    colleague = await addColleague(t, d.admin, 'inspector.li', 'inspector.colleague');
    t.setNow(LATER);
    const major = findings[0] as Finding;
    theCase = await caseOk(t, d.li, '', {
      origin: { kind: 'overdueMajorHazard', recordId: major.id },
      summary: '逾期未整改重大事故隐患',
    });
    t.setNow(hours(1));
    theCase = await caseOk(t, d.safety, `/${theCase.id}/approval`, {
      version: theCase.version,
      approved: true,
      comment: '同意立案',
    });
    t.setNow(hours(2));
    theCase = await caseOk(t, d.safety, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'notice',
      note: '调查终结',
    });
    t.setNow(hours(4));
    signed = await uploadSignature(t.app, d.li, 'notice recipient');
  });
  afterAll(() => t.close());

  const receipt = (over: Partial<ServiceReceipt> = {}): ServiceReceipt => ({
    id: crypto.randomUUID(),
    document: 'penaltyNotice',
    method: 'direct',
    servedAt: hours(3).toISOString(),
    place: '企业办公楼',
    servedBy: [d.li.userId, d.wang.userId],
    recipient: { name: '王建国', title: '法定代表人' },
    signature: signed,
    refusal: null,
    ...over,
  });

  const post = (device: Device, body: unknown) =>
    postCase(t, device, `/${theCase.id}/receipts`, body);

  /** The stored cases, register and sync version, and every blob reference and mark. */
  const state = async () => [
    await caseState(t),
    await t.db.query(`SELECT sha256, entity, record_id::text FROM blob_refs ORDER BY 1, 2, 3`),
    await t.db.query(`SELECT sha256, referenced FROM blobs ORDER BY 1`),
  ];

  async function refused(call: () => ReturnType<typeof post>, status: number, code: string) {
    const before = await state();
    const res = await call();
    expect([res.statusCode, res.json<{ error: string }>().error], res.body).toEqual([status, code]);
    expect(await state()).toEqual(before);
  }

  const body = (over: Partial<ServiceReceipt> = {}) => ({
    version: theCase.version,
    receipt: receipt(over),
  });

  it('refuses who neither handles the case nor supervises its agency', async () => {
    await refused(() => post(colleague, body()), 403, 'case_forbidden');
    await refused(() => post(d.admin, body()), 403, 'case_forbidden');
  });

  it('answers an officer of another agency as if the case did not exist', async () => {
    await refused(() => post(d.env, body()), 404, 'case_not_found');
  });

  it('serves only the notice and the decision, once issued: never the filing form', async () => {
    await refused(() => post(d.li, body({ document: 'caseFiling' })), 422, 'receipt_document');
    await refused(() => post(d.li, body({ document: 'order' })), 422, 'receipt_document');
    await refused(
      () => post(d.li, body({ document: 'penaltyDecision' })),
      409,
      'receipt_not_issued',
    );
  });

  it('refuses a time in the future of the server’s clock, or before the document’s issue', async () => {
    // Ten minutes of a fast device clock are tolerated, not eleven.
    const future = new Date(hours(4).getTime() + 11 * 60_000).toISOString();
    await refused(() => post(d.li, body({ servedAt: future })), 422, 'receipt_time');
    await refused(
      () => post(d.li, body({ servedAt: hours(1.5).toISOString() })),
      422,
      'receipt_time',
    );
  });

  it('refuses servers who are not officers of the case’s agency', async () => {
    await refused(
      () => post(d.li, body({ servedBy: [d.li.userId, d.env.userId] })),
      422,
      'receipt_served_by',
    );
  });

  it('refuses a signature the server does not hold, or that the recorder never uploaded', async () => {
    const unknown = { ...signed, sha256: 'a'.repeat(64) };
    await refused(() => post(d.li, body({ signature: unknown })), 422, 'receipt_blob_missing');
    // wang's own upload, which li neither holds nor may read.
    const wangs = await uploadSignature(t.app, d.wang, 'wang only');
    await refused(() => post(d.li, body({ signature: wangs })), 422, 'receipt_blob_missing');
  });

  it('takes a body that is not a receipt as bad input', async () => {
    await refused(() => post(d.li, { version: theCase.version }), 400, 'invalid_body');
    await refused(() => post(d.li, { ...body(), extra: true }), 400, 'invalid_body');
    // Signed and refused at once: a receipt is one or the other.
    await refused(
      () =>
        post(d.li, {
          version: theCase.version,
          receipt: { ...receipt(), method: 'left' },
        }),
      400,
      'invalid_body',
    );
    await refused(() => post(d.li, { ...body(), version: theCase.version + 1 }), 409, 'case_stale');
  });

  it('records the notice’s receipt once, refers to its signature and keeps it from blob GC', async () => {
    const sent = receipt();
    theCase = await caseOk(t, d.li, `/${theCase.id}/receipts`, {
      version: theCase.version,
      receipt: sent,
    });
    expect(theCase.serviceReceipts).toEqual([sent]);
    const refs = await t.db.query<{ entity: string; record_id: string }>(
      `SELECT entity, record_id::text FROM blob_refs WHERE sha256 = $1`,
      [signed.sha256],
    );
    expect(refs).toEqual([{ entity: 'penaltyCase', record_id: theCase.id }]);
    // Long after any grace period, the signature is still there.
    await collectUnusedBlobs(t.db, t.blobs, { now: hours(24 * 365), graceMs: 1000 });
    const kept = await t.db.query(`SELECT referenced FROM blobs WHERE sha256 = $1`, [
      signed.sha256,
    ]);
    expect(kept).toEqual([{ referenced: true }]);
    // The agency's supervisor, who never uploaded it, reads it to print the receipt.
    const read = await getAs(t.app, `/api/v1/blobs/${signed.sha256}`, d.safety.token);
    expect(read.statusCode).toBe(200);
    // Nobody outside the case's agency does.
    expect((await getAs(t.app, `/api/v1/blobs/${signed.sha256}`, d.env.token)).statusCode).toBe(
      404,
    );
    // A second receipt of the notice: refused, whoever records it.
    await refused(() => post(d.safety, body()), 409, 'receipt_exists');
  });

  it('records the decision’s receipt after 决定, by a supervisor, with two witnesses', async () => {
    t.setNow(hours(5));
    theCase = await caseOk(t, d.safety, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'decision',
      note: '',
    });
    t.setNow(hours(7));
    const witnesses = [
      await uploadSignature(t.app, d.safety, 'witness a'),
      await uploadSignature(t.app, d.safety, 'witness b'),
    ];
    theCase = await caseOk(t, d.safety, `/${theCase.id}/receipts`, {
      version: theCase.version,
      receipt: receipt({
        document: 'penaltyDecision',
        method: 'left',
        servedAt: hours(6).toISOString(),
        servedBy: [d.safety.userId],
        signature: null,
        refusal: witnessedRefusal(witnesses),
      }),
    });
    expect(theCase.serviceReceipts?.map((r) => r.document)).toEqual([
      'penaltyNotice',
      'penaltyDecision',
    ]);
    const refs = await t.db.query(
      `SELECT count(*)::int AS n FROM blob_refs WHERE entity = 'penaltyCase'`,
    );
    expect(refs).toEqual([{ n: 3 }]);
    await refused(
      () => post(d.li, body({ document: 'penaltyDecision', servedAt: hours(6).toISOString() })),
      409,
      'receipt_exists',
    );
  });

  it('records nothing on a closed case: it changes only by amendment', async () => {
    theCase = await caseOk(t, d.li, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'execution',
      note: '',
    });
    theCase = await caseOk(t, d.safety, `/${theCase.id}/advance`, {
      version: theCase.version,
      to: 'closing',
      note: '罚款已缴纳',
    });
    await refused(() => post(d.li, body()), 409, 'case_closed');
  });
});
