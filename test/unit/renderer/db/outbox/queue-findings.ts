// Queues `n` valid findings through writeLocal, as the hazard form would: the outbox tests' input.
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { writeLocal } from '../../../../../renderer/src/db/outbox/queue';
import { makeFinding } from '../../../../support/record-fixtures';

export async function queueFindings(db: FieldInspectorDb, n: number, description = '') {
  for (let i = 0; i < n; i++) await writeLocal(db, 'finding', makeFinding({ description }));
}
