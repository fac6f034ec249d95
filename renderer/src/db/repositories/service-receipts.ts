// Owns recording a service receipt (送达回证) on this device: the signatures' PNGs into `blobs`
// and the receipt onto the inspection that issued the served document, with its outbox row, in
// one transaction. A document is served once: a receipt already recorded is never replaced.
import type { BlobRef } from '../../../../domain/schemas/common';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import type { ServiceReceipt } from '../../../../domain/schemas/service-receipt';
import { serviceReceiptSchema } from '../../../../domain/schemas/service-receipt';
import type { Clock } from '../../shared/clock';
import { systemClock } from '../../shared/clock';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from '../outbox/queue';
import { putLocalBlob } from './blobs';
import { signatureBlobRef } from './inspection-signing';

export type ReceiptProblem = 'notFound' | 'notSubmitted' | 'alreadyServed';

export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';
  constructor(readonly code: ReceiptProblem) {
    super(`service receipt refused: ${code}`);
  }
}

/** A receipt as the form gives it: signatures as drawn PNGs, not yet stored. */
export interface ReceiptInput extends Omit<ServiceReceipt, 'signature' | 'refusal'> {
  signaturePng: Blob | null;
  refusal: {
    reason: string;
    witnesses: { name: string; organisation: string; png: Blob }[];
  } | null;
}

const asPng = (png: Blob) =>
  png.type === 'image/png' ? png : new Blob([png], { type: 'image/png' });

/** A receipt and the signature PNGs it names, as stored: parsed, each PNG by its reference. */
export interface PreparedReceipt {
  receipt: ServiceReceipt;
  pngs: { ref: BlobRef; png: Blob }[];
}

/** The receipt the form's input makes, with its signatures as references to their PNGs. */
export async function prepareReceipt(input: ReceiptInput): Promise<PreparedReceipt> {
  const pngs: { ref: BlobRef; png: Blob }[] = [];
  const keep = async (png: Blob) => {
    const ref = await signatureBlobRef(png);
    pngs.push({ ref, png: asPng(png) });
    return ref;
  };
  const { signaturePng, refusal, ...rest } = input;
  const receipt = serviceReceiptSchema.parse({
    ...rest,
    signature: signaturePng ? await keep(signaturePng) : null,
    refusal: refusal
      ? {
          reason: refusal.reason,
          witnesses: await Promise.all(
            refusal.witnesses.map(async (w) => ({
              name: w.name,
              organisation: w.organisation,
              signature: await keep(w.png),
            })),
          ),
        }
      : null,
  });
  return { receipt, pngs };
}

export async function recordServiceReceipt(
  db: FieldInspectorDb,
  inspectionId: string,
  input: ReceiptInput,
  now: Clock = systemClock,
): Promise<Inspection> {
  const { receipt, pngs } = await prepareReceipt(input);
  return db.transaction('rw', [db.inspections, db.blobs, ...queueTables(db)], async () => {
    const current = await db.inspections.get(inspectionId);
    if (!current || current.deletedAt !== null) throw new ReceiptError('notFound');
    if (current.status !== 'submitted') throw new ReceiptError('notSubmitted');
    const receipts = current.serviceReceipts ?? [];
    if (receipts.some((r) => r.document === receipt.document)) {
      throw new ReceiptError('alreadyServed');
    }
    for (const { ref, png } of pngs) await putLocalBlob(db, ref, png);
    const next = inspectionSchema.parse({
      ...current,
      updatedAt: now().toISOString(),
      serviceReceipts: [...receipts, receipt],
    });
    await writeLocal(db, 'inspection', next, now);
    return next;
  });
}
