// Owns the link an inspection makes to the task it was started from (inspection.taskId): the
// task must be one the server wrote for the same enterprise. A task a redraw has deleted since is
// still accepted: the inspection made from it offline is a record of a visit that took place.
import { refusal } from '../../../domain/sync/refusals';
import type { Refusal } from '../../../domain/sync/refusals';
import type { Queryable } from '../db/database';

/** Checked when the write sets the task or moves the inspection to another enterprise. */
export async function checkTaskLink(
  tx: Queryable,
  after: Readonly<Record<string, unknown>>,
  changed: ReadonlySet<string>,
): Promise<Refusal | null> {
  const taskId = after.taskId;
  if (taskId === undefined || taskId === null) return null;
  if (!changed.has('taskId') && !changed.has('enterpriseId')) return null;
  const [found] = await tx.query<{ found: number }>(
    `SELECT 1 AS found FROM records
     WHERE entity = 'task' AND id = $1::uuid AND data->>'enterpriseId' = $2`,
    [taskId, after.enterpriseId],
  );
  return found ? null : refusal('taskUnknown');
}
