// A supervisor's review decision on a submitted inspection: written locally with its outbox row
// (through writeLocal) and carried to the server by the same push as every other change; the
// inspector's device sees it after its next pull.
import { awaitsReview } from '../../../../domain/rules/amendment';
import { takesPart } from '../../../../domain/rules/officers';
import { mayReview } from '../../../../domain/rules/review';
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { queueTables, writeLocal } from '../outbox/queue';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export interface ReviewDecision {
  status: 'approved' | 'returned';
  comment: string;
}

export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(
    readonly code:
      | 'notFound'
      | 'notSubmitted'
      | 'notReviewer'
      | 'otherAgency'
      | 'ownInspection'
      | 'commentRequired',
  ) {
    super(`review refused: ${code}`);
  }
}

/** A supervisor (administrators review nothing: review is an act of enforcement). */
export type Reviewer = Pick<User, 'id' | 'role' | 'agencyId'>;

/**
 * Records a supervisor's decision, as the server takes it (domain `mayReview`): of a submitted
 * inspection of their agency that they take no part in, a return with a comment. The server
 * records its own time and the caller as the reviewer; the device's copy says the same meanwhile.
 */
export async function recordReview(
  db: FieldInspectorDb,
  inspectionId: string,
  decision: ReviewDecision,
  reviewer: Reviewer,
  now: Clock = systemClock,
): Promise<Inspection> {
  const comment = decision.comment.trim();
  if (reviewer.role !== 'supervisor') throw new ReviewError('notReviewer');
  if (decision.status === 'returned' && comment === '') throw new ReviewError('commentRequired');
  return db.transaction('rw', [db.inspections, ...queueTables(db)], async () => {
    const current = await db.inspections.get(inspectionId);
    if (!current || current.deletedAt !== null) throw new ReviewError('notFound');
    if (current.status !== 'submitted') throw new ReviewError('notSubmitted');
    if (!current.agencyIds.includes(reviewer.agencyId)) throw new ReviewError('otherAgency');
    if (takesPart(current, reviewer.id)) throw new ReviewError('ownInspection');
    const at = now().toISOString();
    const next = inspectionSchema.parse({
      ...current,
      updatedAt: at,
      review: { status: decision.status, comment, reviewerId: reviewer.id, reviewedAt: at },
    });
    await writeLocal(db, 'inspection', next, now);
    return next;
  });
}

export interface BulkApproval {
  /** Inspections approved now, each written with its outbox row. */
  approved: string[];
  /** Inspections no longer waiting (decided meanwhile, e.g. by a pull) or gone: left as they are. */
  skipped: string[];
}

/**
 * Approves several inspections in one transaction: every approval is stored with its outbox row,
 * or none is. Those no longer waiting for review, or not the reviewer's to review, are skipped,
 * not overwritten.
 */
export async function approveInspections(
  db: FieldInspectorDb,
  inspectionIds: readonly string[],
  reviewer: Reviewer,
  now: Clock = systemClock,
): Promise<BulkApproval> {
  if (reviewer.role !== 'supervisor') throw new ReviewError('notReviewer');
  return db.transaction('rw', [db.inspections, ...queueTables(db)], async () => {
    const result: BulkApproval = { approved: [], skipped: [] };
    const at = now().toISOString();
    const unique = [...new Set(inspectionIds)];
    const found = await db.inspections.bulkGet(unique);
    for (const [index, current] of found.entries()) {
      const id = unique[index] ?? '';
      if (!current || !awaitsReview(current) || !mayReview(current, reviewer)) {
        result.skipped.push(current?.id ?? id);
        continue;
      }
      const next = inspectionSchema.parse({
        ...current,
        updatedAt: at,
        review: { status: 'approved', comment: '', reviewerId: reviewer.id, reviewedAt: at },
      });
      await writeLocal(db, 'inspection', next, now);
      result.approved.push(current.id);
    }
    return result;
  });
}
