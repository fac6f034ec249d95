// Owns recording a service receipt (送达回证) on this device: the signatures' PNGs into `blobs`
// and the receipt onto the record that issued the served document (the inspection, or for a
// granted extension's decision the request it decides on the finding), with its outbox row, in
// one transaction. A document is served once: a receipt already recorded is never replaced.
import type { BlobRef } from '../../../../domain/schemas/common';
import type { Inspection } from '../../../../domain/schemas/inspection';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import { extensionReceiptProblem } from '../../../../domain/rules/extension-receipt';
import type { Finding } from '../../../../domain/schemas/finding';
import { findingSchema } from '../../../../domain/schemas/finding';
import type { ServiceReceipt } from '../../../../domain/schemas/service-receipt';
import { serviceReceiptSchema } from '../../../../domain/schemas/service-receipt';
import type { Clock } from '../../shared/clock';
import { systemClock } from '../../shared/clock';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from '../outbox/queue';
import { putLocalBlob } from './blobs';
import { signatureBlobRef } from './inspection-signing';

export type ReceiptProblem =
  'notFound' | 'notSubmitted' | 'alreadyServed' | 'hazardNotFound' | 'notGranted' | 'beforeRequest';

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

/**
 * Records the service of a granted extension's decision on the request it decides, by the rule
 * the server checks (domain/rules/extension-receipt.ts); a problem of it other than the two the
 * form lets one cause (served already, not granted, dated before the request) is the form's
 * to prevent and surfaces as a failed save.
 */
export async function recordExtensionReceipt(
  db: FieldInspectorDb,
  findingId: string,
  extensionId: string,
  input: ReceiptInput,
  now: Clock = systemClock,
): Promise<Finding> {
  const { receipt, pngs } = await prepareReceipt(input);
  return db.transaction(
    'rw',
    [db.findings, db.inspections, db.blobs, ...queueTables(db)],
    async () => {
      const current = await db.findings.get(findingId);
      if (!current || current.deletedAt !== null) throw new ReceiptError('hazardNotFound');
      const requests = current.extensions ?? [];
      const request = requests.find((e) => e.id === extensionId);
      if (!request) throw new ReceiptError('notGranted');
      const found = await db.inspections.get(current.inspectionId);
      const problem = extensionReceiptProblem(
        request,
        receipt,
        found ?? { leadInspectorId: '', coInspectorIds: [] },
      );
      if (problem === 'alreadyServed') throw new ReceiptError('alreadyServed');
      if (problem === 'notGranted') throw new ReceiptError('notGranted');
      if (problem === 'beforeRequest') throw new ReceiptError('beforeRequest');
      if (problem) throw new Error(`extension receipt refused: ${problem}`);
      for (const { ref, png } of pngs) await putLocalBlob(db, ref, png);
      const next = findingSchema.parse({
        ...current,
        updatedAt: now().toISOString(),
        extensions: requests.map((e) =>
          e.id === extensionId ? { ...e, serviceReceipt: receipt } : e,
        ),
      });
      await writeLocal(db, 'finding', next, now);
      return next;
    },
  );
}
