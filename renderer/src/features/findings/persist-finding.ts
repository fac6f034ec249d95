// Where a hazard form's values go on each autosave: a valid form becomes the finding record and
// its outbox row (and its draft is dropped), an incomplete one stays a local-only draft.
import type { FieldInspectorDb } from '../../db/database';
import { saveFindingContent, saveFindingDraft } from '../../db/repositories/findings';
import type { FindingKey } from '../../db/repositories/findings';
import { findingFormSchema } from './finding-form-schema';
import type { FindingFormValues } from './finding-form-schema';
import { systemClock } from '../../shared/clock';
import type { Clock } from '../../shared/clock';

export interface FindingContext extends FindingKey {
  itemId: string | null;
  /** The stored record's deadline, if there is a record. */
  storedDeadline: string | null;
}

export type PersistOutcome = 'record' | 'draft';

export async function persistFinding(
  db: FieldInspectorDb,
  context: FindingContext,
  values: FindingFormValues,
  today: string,
  now: Clock = systemClock,
): Promise<PersistOutcome> {
  const parsed = findingFormSchema(today, context.storedDeadline).safeParse(values);
  if (parsed.success) {
    await saveFindingContent(db, context, { ...parsed.data, itemId: context.itemId }, now);
    return 'record';
  }
  await saveFindingDraft(db, {
    id: context.id,
    inspectionId: context.inspectionId,
    enterpriseId: context.enterpriseId,
    values: { ...values, itemId: context.itemId },
    updatedAt: now().toISOString(),
  });
  return 'draft';
}
