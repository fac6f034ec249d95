// Hazards of a submitted inspection, corrected or added by amendment (domain `amendFinding`):
// the finding, the inspection with the amendment in its history, both outbox rows and the
// dropped form draft are written in one Dexie transaction, so an amendment is saved whole or not
// at all. Amending a decided inspection sends it back to review, as any other amendment does.
import { amendFinding } from '../../../../domain/rules/finding-amendment';
import type { FindingAmendmentResult } from '../../../../domain/rules/finding-amendment';
import { reviewAfterAmendment } from '../../../../domain/rules/review';
import type { Finding } from '../../../../domain/schemas/finding';
import type { FieldInspectorDb } from '../database';
import type { FindingContent } from './findings';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export class AmendedInspectionNotFoundError extends Error {
  constructor(readonly inspectionId: string) {
    super(`inspection ${inspectionId} is not on this device`);
    this.name = 'AmendedInspectionNotFoundError';
  }
}

export interface FindingAmendmentInput {
  /** The hazard's id: of the stored record, or the one an added hazard gets. */
  findingId: string;
  inspectionId: string;
  /** The hazard form's fields as they should be after the amendment. */
  content: FindingContent;
  /** The signed-in user: the amendment's author and an added hazard's creator. */
  by: string;
  reason: string;
}

/**
 * Corrects a stored hazard of a submitted inspection, or adds one when no live record has this
 * id. Nothing is written when the domain refuses the amendment; its problems are returned.
 */
export async function saveFindingAmendment(
  db: FieldInspectorDb,
  input: FindingAmendmentInput,
  now: Clock = systemClock,
): Promise<FindingAmendmentResult> {
  const tables = [db.inspections, db.findings, ...queueTables(db), db.findingDrafts];
  return db.transaction('rw', tables, async (): Promise<FindingAmendmentResult> => {
    const inspection = await db.inspections.get(input.inspectionId);
    if (!inspection || inspection.deletedAt !== null) {
      throw new AmendedInspectionNotFoundError(input.inspectionId);
    }
    const found = await db.findings.get(input.findingId);
    const previous = found && found.deletedAt === null ? found : null;
    const at = now().toISOString();
    const next: Finding = {
      ...(previous ?? {
        id: input.findingId,
        version: 0,
        deletedAt: null,
        createdBy: input.by,
        inspectionId: inspection.id,
        enterpriseId: inspection.enterpriseId,
        status: 'open',
        verification: null,
      }),
      ...input.content,
      // The checklist item a hazard came from is not the form's to change.
      itemId: previous ? previous.itemId : input.content.itemId,
      updatedAt: at,
    };
    const result = amendFinding(inspection, previous, next, {
      by: input.by,
      at,
      reason: input.reason,
    });
    if (!result.ok) return result;
    // Back to review, as the server makes it: a return resubmitted, an approval reopened.
    const review = reviewAfterAmendment(inspection.review);
    const amended = { ...result.inspection, review, updatedAt: at };
    // The amendment first, and the hazard in a row of its own after it: the server takes a
    // change of a submitted inspection's hazard only once the inspection records an amendment of
    // it (an unsent earlier edit of the hazard, e.g. its rectification, still goes before).
    await writeLocal(db, 'inspection', amended, now);
    await writeLocal(db, 'finding', result.finding, now, { ownRow: true });
    await db.findingDrafts.delete(input.findingId);
    return { ...result, inspection: amended };
  });
}
