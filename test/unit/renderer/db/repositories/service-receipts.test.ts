import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import {
  recordExtensionReceipt,
  recordServiceReceipt,
} from '../../../../../renderer/src/db/repositories/service-receipts';
import type {
  ReceiptError,
  ReceiptInput,
} from '../../../../../renderer/src/db/repositories/service-receipts';
import type { ExtensionRequest } from '../../../../../domain/schemas/finding';
import { makeFinding, makeInspection } from '../../../../support/record-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const at = () => new Date('2026-11-29T02:00:00Z');
const png = (text: string) => new Blob([text], { type: 'image/png' });

const refusal = (inspectionId: string, leadId: string): ReceiptInput => ({
  id: crypto.randomUUID(),
  document: 'order',
  method: 'left',
  servedAt: '2026-11-29T07:40:00.000+08:00',
  place: '企业门卫室',
  servedBy: [leadId],
  recipient: { name: '王建国', title: '安全负责人' },
  signaturePng: null,
  refusal: {
    reason: `拒绝签收 ${inspectionId.slice(0, 4)}`,
    witnesses: [
      { name: '见证人甲', organisation: '道墟街道办事处', png: png('witness 1') },
      { name: '见证人乙', organisation: '道墟街道办事处', png: png('witness 2') },
    ],
  },
});

describe('recordServiceReceipt', () => {
  it('keeps a refusal with its witnesses’ signatures and queues it, in one go', async () => {
    const inspection = makeInspection({ version: 4 });
    await db.inspections.put(inspection);
    await recordServiceReceipt(
      db,
      inspection.id,
      refusal(inspection.id, inspection.leadInspectorId),
      at,
    );
    const stored = await db.inspections.get(inspection.id);
    const [receipt] = stored?.serviceReceipts ?? [];
    expect(receipt).toMatchObject({ method: 'left', signature: null, document: 'order' });
    const hashes = receipt?.refusal?.witnesses.map((w) => w.signature.sha256) ?? [];
    expect(hashes).toHaveLength(2);
    expect(await db.blobs.bulkGet(hashes)).not.toContain(undefined);
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ entity: 'inspection', id: inspection.id, baseVersion: 4 });
  });

  it('serves a document once, only of a submitted inspection, and stores nothing when refused', async () => {
    const inspection = makeInspection();
    const draft = makeInspection({ status: 'draft' });
    await db.inspections.bulkPut([inspection, draft]);
    await recordServiceReceipt(
      db,
      inspection.id,
      refusal(inspection.id, inspection.leadInspectorId),
    );
    const outbox = await db.outbox.count();
    const blobs = await db.blobs.count();
    const codeOf = (p: Promise<unknown>) => p.catch((e: ReceiptError) => e.code);
    const again = refusal(inspection.id, inspection.leadInspectorId);
    again.refusal!.witnesses[0]!.png = png('another witness');
    expect(await codeOf(recordServiceReceipt(db, inspection.id, again))).toBe('alreadyServed');
    expect(
      await codeOf(recordServiceReceipt(db, draft.id, refusal(draft.id, draft.leadInspectorId))),
    ).toBe('notSubmitted');
    expect(await db.outbox.count()).toBe(outbox);
    expect(await db.blobs.count()).toBe(blobs);
    expect((await db.inspections.get(inspection.id))?.serviceReceipts).toHaveLength(1);
  });

  it('refuses a refusal with one witness, as the schema says', async () => {
    const inspection = makeInspection();
    await db.inspections.put(inspection);
    const one = refusal(inspection.id, inspection.leadInspectorId);
    one.refusal!.witnesses.pop();
    await expect(recordServiceReceipt(db, inspection.id, one)).rejects.toThrow(
      /receipt.twoWitnesses/,
    );
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('recordExtensionReceipt', () => {
  const SUPERVISOR = '0197a000-0000-7000-8000-0000000000e2';
  const request = (granted: boolean): ExtensionRequest => ({
    id: crypto.randomUUID(),
    requestedOn: '2026-11-28',
    reason: '防爆电机到货延迟',
    requestedDeadline: '2027-01-15',
    recordedBy: SUPERVISOR,
    recordedAt: '2026-11-28T02:00:00.000Z',
    decision: granted
      ? {
          result: 'granted',
          newDeadline: '2027-01-10',
          comment: '',
          decidedBy: SUPERVISOR,
          decidedAt: '2026-11-29T01:30:00.000Z',
        }
      : {
          result: 'refused',
          comment: '理由不充分',
          decidedBy: SUPERVISOR,
          decidedAt: '2026-11-29T01:30:00.000Z',
        },
  });
  const signed = (
    servedBy: string[],
    servedAt = '2026-11-29T07:40:00.000+08:00',
  ): ReceiptInput => ({
    id: crypto.randomUUID(),
    document: 'extension',
    method: 'direct',
    servedAt,
    place: '企业办公楼',
    servedBy,
    recipient: { name: '王建国', title: '安全负责人' },
    signaturePng: png(`recipient ${servedAt}`),
    refusal: null,
  });

  it('keeps the receipt on the granted request with its signature, queued with the hazard', async () => {
    const inspection = makeInspection();
    const granted = request(true);
    const finding = makeFinding({ inspectionId: inspection.id, version: 3, extensions: [granted] });
    await db.inspections.put(inspection);
    await db.findings.put(finding);
    await recordExtensionReceipt(
      db,
      finding.id,
      granted.id,
      signed([inspection.leadInspectorId, SUPERVISOR]),
      at,
    );
    const receipt = (await db.findings.get(finding.id))?.extensions?.[0]?.serviceReceipt;
    expect(receipt).toMatchObject({
      document: 'extension',
      servedBy: [inspection.leadInspectorId, SUPERVISOR],
    });
    expect(await db.blobs.get(receipt?.signature?.sha256 ?? '')).toBeDefined();
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ entity: 'finding', id: finding.id, baseVersion: 3 });
  });

  it('serves a granted decision once, not before the request, and stores nothing when refused', async () => {
    const inspection = makeInspection();
    const granted = request(true);
    const refused = request(false);
    const finding = makeFinding({ inspectionId: inspection.id, extensions: [refused, granted] });
    await db.inspections.put(inspection);
    await db.findings.put(finding);
    const by = [inspection.leadInspectorId];
    await recordExtensionReceipt(db, finding.id, granted.id, signed(by));
    const outbox = await db.outbox.count();
    const blobs = await db.blobs.count();
    const codeOf = (p: Promise<unknown>) => p.catch((e: ReceiptError) => e.code);
    const later = signed(by, '2026-11-30T09:00:00.000+08:00');
    expect(await codeOf(recordExtensionReceipt(db, finding.id, granted.id, later))).toBe(
      'alreadyServed',
    );
    expect(await codeOf(recordExtensionReceipt(db, finding.id, refused.id, later))).toBe(
      'notGranted',
    );
    const early = signed(by, '2026-11-27T09:00:00.000+08:00');
    const other = makeFinding({ inspectionId: inspection.id, extensions: [request(true)] });
    await db.findings.put(other);
    expect(
      await codeOf(recordExtensionReceipt(db, other.id, other.extensions![0]!.id, early)),
    ).toBe('beforeRequest');
    expect(await db.outbox.count()).toBe(outbox);
    expect(await db.blobs.count()).toBe(blobs);
  });
});
