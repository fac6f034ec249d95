import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { recordServiceReceipt } from '../../../../../renderer/src/db/repositories/service-receipts';
import type {
  ReceiptError,
  ReceiptInput,
} from '../../../../../renderer/src/db/repositories/service-receipts';
import { makeInspection } from '../../../../support/record-fixtures';
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
