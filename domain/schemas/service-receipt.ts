// A service receipt (送达回证): a document of an inspection (or of a re-inspection visit) served on
// the enterprise, how, where and when, by which officers, and who received it: the recipient's
// signature, or, when they refuse to sign, the refusal recorded with two witnesses who sign
// (留置送达: the document is left at the place). Kept on the record that issued the document.
import { z } from 'zod';
import { blobRefSchema, idSchema, nonEmpty, textSchema, timestampSchema } from './common';
import { documentKindSchema } from './document';

/** 直接送达 (handed over and signed for) and 留置送达 (refused, left with two witnesses). */
export const serviceMethods = ['direct', 'left'] as const;

export const serviceWitnessSchema = z.object({
  name: nonEmpty(50),
  /** Their employer or office (e.g. 村委会, 街道办事处), so that they can be found again. */
  organisation: nonEmpty(100),
  signature: blobRefSchema,
});

export const serviceReceiptSchema = z
  .object({
    id: idSchema,
    document: documentKindSchema,
    method: z.enum(serviceMethods),
    servedAt: timestampSchema,
    place: nonEmpty(200),
    /** The officers who served it. */
    servedBy: z.array(idSchema).min(1).max(10),
    recipient: z.object({ name: nonEmpty(50), title: textSchema().trim().max(50) }),
    /** The recipient's signature, when they signed for it. */
    signature: blobRefSchema.nullable(),
    /** Why the recipient did not sign, and the two (or more) witnesses of the refusal. */
    refusal: z
      .object({
        reason: nonEmpty(500),
        witnesses: z.array(serviceWitnessSchema).min(2, { message: 'receipt.twoWitnesses' }).max(5),
      })
      .nullable(),
  })
  .superRefine((r, ctx) => {
    if ((r.signature === null) === (r.refusal === null)) {
      ctx.addIssue({ code: 'custom', message: 'receipt.signatureOrRefusal', path: ['signature'] });
    }
    if ((r.method === 'left') !== (r.refusal !== null)) {
      ctx.addIssue({ code: 'custom', message: 'receipt.refusalIsLeft', path: ['method'] });
    }
    const names = r.refusal?.witnesses.map((w) => w.name) ?? [];
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: 'custom', message: 'receipt.witnessesDistinct', path: ['refusal'] });
    }
  });
export type ServiceReceipt = z.infer<typeof serviceReceiptSchema>;
