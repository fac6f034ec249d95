// A supervisor's review decision on a submitted inspection: written locally with its outbox row
// (through writeLocal) and carried to the server by the same push as every other change; the
// inspector's device sees it after its next pull.
import { inspectionSchema } from '../../../../domain/schemas/inspection';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { writeLocal } from './outbox';

export interface ReviewDecision {
  status: 'approved' | 'returned';
  comment: string;
}

export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(readonly code: 'notFound' | 'notSubmitted' | 'notReviewer' | 'commentRequired') {
    super(`review refused: ${code}`);
  }
}

export async function recordReview(
  db: FieldInspectorDb,
  inspectionId: string,
  decision: ReviewDecision,
  reviewer: Pick<User, 'id' | 'role'>,
  now: () => Date = () => new Date(),
): Promise<Inspection> {
  const comment = decision.comment.trim();
  if (reviewer.role === 'inspector') throw new ReviewError('notReviewer');
  if (decision.status === 'returned' && comment === '') throw new ReviewError('commentRequired');
  return db.transaction('rw', db.inspections, db.outbox, async () => {
    const current = await db.inspections.get(inspectionId);
    if (!current || current.deletedAt !== null) throw new ReviewError('notFound');
    if (current.status !== 'submitted') throw new ReviewError('notSubmitted');
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
