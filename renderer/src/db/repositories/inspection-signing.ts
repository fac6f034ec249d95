// The closing steps of a site visit, as local writes: signatures (their PNG bytes in `blobs` and
// the reference in the inspection), the enterprise's representative or their refusal to sign,
// submission (which locks the record) and amendments after it. Each step writes the inspection,
// its outbox row and any new blob in one Dexie transaction: all of it is saved, or none.
import { amendInspection } from '../../../../domain/rules/amendment';
import { buildGradingSnapshot } from '../../../../domain/rules/grading-snapshot';
import { gb18218TableOf } from './gb18218-editions';
import type { AmendmentResult } from '../../../../domain/rules/amendment';
import { reviewAfterAmendment } from '../../../../domain/rules/review';
import { checkSubmission } from '../../../../domain/rules/submission';
import type { SubmissionInput, SubmissionProblem } from '../../../../domain/rules/submission';
import type { BlobRef } from '../../../../domain/schemas/common';
import type { Inspection, Signature } from '../../../../domain/schemas/inspection';
import { sha256Hex } from '../../shared/sha256';
import type { FieldInspectorDb } from '../database';
import { putLocalBlob } from './blobs';
import { InspectionLockedError, updateDraftInspection } from './inspections';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export { InspectionLockedError };

export type SignerRole = Signature['role'];

export class InspectionNotFoundError extends Error {
  constructor(readonly inspectionId: string) {
    super(`inspection ${inspectionId} is not on this device`);
    this.name = 'InspectionNotFoundError';
  }
}

/**
 * The templates an inspection works through: a joint inspection combines several agencies'
 * lists (`templateRefs`); older records name only `templateId`.
 */
export function inspectionTemplateIds(
  inspection: Pick<Inspection, 'templateId' | 'templateRefs'>,
): string[] {
  return [...new Set([inspection.templateId, ...(inspection.templateRefs ?? []).map((r) => r.id)])];
}

/** What checkSubmission needs, read from the local database. */
export async function loadSubmissionInput(
  db: FieldInspectorDb,
  inspection: Inspection,
): Promise<SubmissionInput> {
  const [templates, findings, users] = await Promise.all([
    db.templates.bulkGet(inspectionTemplateIds(inspection)),
    db.findings.where('inspectionId').equals(inspection.id).toArray(),
    db.users.toArray(),
  ]);
  return {
    inspection,
    templates: templates.filter((t) => t !== undefined),
    findings,
    users,
  };
}

async function loadDraft(db: FieldInspectorDb, id: string): Promise<Inspection> {
  const inspection = await db.inspections.get(id);
  if (!inspection || inspection.deletedAt !== null) throw new InspectionNotFoundError(id);
  if (inspection.status !== 'draft') throw new InspectionLockedError(id);
  return inspection;
}

export interface SignatureInput {
  role: SignerRole;
  /** The officer; null for the enterprise's representative. */
  userId: string | null;
  name: string;
  /** The drawn signature as PNG bytes. */
  png: Blob;
}

/** The reference a record keeps of a signature image (its bytes go to `blobs`). */
export async function signatureBlobRef(png: Blob): Promise<BlobRef> {
  return { sha256: await sha256Hex(png), mime: 'image/png', size: png.size };
}

function sameSigner(s: Signature, role: SignerRole, userId: string | null): boolean {
  return role === 'enterprise'
    ? s.role === 'enterprise'
    : s.role !== 'enterprise' && s.userId === userId;
}

/**
 * Adds (or replaces) one person's signature: the PNG into `blobs`, the reference into the
 * inspection. The representative's signature withdraws a recorded refusal.
 */
export async function signInspection(
  db: FieldInspectorDb,
  inspectionId: string,
  input: SignatureInput,
  now: Clock = systemClock,
): Promise<Inspection> {
  const image = await signatureBlobRef(input.png);
  const data =
    input.png.type === 'image/png' ? input.png : new Blob([input.png], { type: 'image/png' });
  return db.transaction('rw', [db.inspections, ...queueTables(db), db.blobs], async () => {
    await putLocalBlob(db, image, data);
    const signature: Signature = {
      role: input.role,
      userId: input.role === 'enterprise' ? null : input.userId,
      name: input.name.trim(),
      image,
      signedAt: now().toISOString(),
    };
    return updateDraftInspection(
      db,
      inspectionId,
      (draft) => ({
        ...draft,
        signatures: [
          ...draft.signatures.filter((s) => !sameSigner(s, input.role, signature.userId)),
          signature,
        ],
        refusedToSign: input.role === 'enterprise' ? null : draft.refusedToSign,
      }),
      now,
    );
  });
}

/** Removes one person's signature (the blob stays: it may be referenced elsewhere or synced). */
export async function removeSignature(
  db: FieldInspectorDb,
  inspectionId: string,
  role: SignerRole,
  userId: string | null,
  now: Clock = systemClock,
): Promise<Inspection> {
  return updateDraftInspection(
    db,
    inspectionId,
    (draft) => ({
      ...draft,
      signatures: draft.signatures.filter((s) => !sameSigner(s, role, userId)),
    }),
    now,
  );
}

/** Who was present for the enterprise (named even when they refuse to sign). */
export async function setEnterpriseRep(
  db: FieldInspectorDb,
  inspectionId: string,
  rep: { name: string; title: string },
  now: Clock = systemClock,
): Promise<Inspection> {
  return updateDraftInspection(
    db,
    inspectionId,
    (draft) => ({ ...draft, enterpriseRep: { name: rep.name.trim(), title: rep.title.trim() } }),
    now,
  );
}

/**
 * Records that the representative refused to sign, and why (拒绝签字); `null` withdraws the
 * record. A refusal replaces any signature of the representative.
 */
export async function recordRefusal(
  db: FieldInspectorDb,
  inspectionId: string,
  reason: string | null,
  now: Clock = systemClock,
): Promise<Inspection> {
  return updateDraftInspection(
    db,
    inspectionId,
    (draft) =>
      reason === null
        ? { ...draft, refusedToSign: null }
        : {
            ...draft,
            refusedToSign: { reason: reason.trim() },
            signatures: draft.signatures.filter((s) => s.role !== 'enterprise'),
          },
    now,
  );
}

export type SubmitResult =
  { ok: true; inspection: Inspection } | { ok: false; problems: SubmissionProblem[] };

/**
 * Submits a complete draft: checked again inside the transaction (the screen's list may be a
 * moment old), then `submitted` with `finishedAt`, and from then on locked. The enterprise's
 * GB 18218 grading as this device holds it (with the edition in force here) is kept with it, read
 * in the same transaction, so the printed record shows the grading of the day it was submitted;
 * an enterprise not on the device leaves none (the record then prints the grading of the day it is printed, and says so).
 */
export async function submitInspection(
  db: FieldInspectorDb,
  inspectionId: string,
  now: Clock = systemClock,
): Promise<SubmitResult> {
  return db.transaction(
    'rw',
    [
      db.inspections,
      ...queueTables(db),
      db.templates,
      db.findings,
      db.users,
      db.enterprises,
      db.gb18218Editions,
    ],
    async (): Promise<SubmitResult> => {
      const draft = await loadDraft(db, inspectionId);
      const problems = checkSubmission(await loadSubmissionInput(db, draft));
      if (problems.length > 0) return { ok: false, problems };
      const at = now().toISOString();
      const enterprise = await db.enterprises.get(draft.enterpriseId);
      const inspection: Inspection = {
        ...draft,
        status: 'submitted',
        finishedAt: at,
        updatedAt: at,
        ...(enterprise && enterprise.deletedAt === null
          ? { gradingSnapshot: buildGradingSnapshot(enterprise, at, await gb18218TableOf(db)) }
          : {}),
      };
      // After every change queued before it: the server refuses a later change of its hazards.
      await writeLocal(db, 'inspection', inspection, now, { ownRow: true });
      return { ok: true, inspection };
    },
  );
}

/**
 * Changes a submitted inspection by amendment (domain `amendInspection`): `change` proposes the
 * new content; the reason, author, time and what changed go into its history. Amending a decided
 * inspection sends it back to review (`reviewAfterAmendment`: a returned one is resubmitted, an
 * approved one reopened), as the server does when it takes the amendment. Nothing is written
 * when the domain refuses it.
 */
export async function amendSubmittedInspection(
  db: FieldInspectorDb,
  inspectionId: string,
  change: (current: Inspection) => Inspection,
  amendment: { by: string; reason: string },
  now: Clock = systemClock,
): Promise<AmendmentResult> {
  return db.transaction('rw', [db.inspections, ...queueTables(db)], async () => {
    const current = await db.inspections.get(inspectionId);
    if (!current || current.deletedAt !== null) throw new InspectionNotFoundError(inspectionId);
    const at = now().toISOString();
    const result = amendInspection(current, change(current), { ...amendment, at });
    if (!result.ok) return result;
    const review = reviewAfterAmendment(current.review);
    const inspection = { ...result.inspection, review, updatedAt: at };
    await writeLocal(db, 'inspection', inspection, now);
    return { ...result, inspection };
  });
}
