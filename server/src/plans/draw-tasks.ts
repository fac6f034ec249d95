// Owns the tasks a draw makes: one per staffed visit, written as synced records of the
// enterprise's town, so that they reach the devices with the next pull; the officers sent are
// kept in task_assignees. A redraw deletes the tasks of the draw it replaces, and a joint visit
// the partner agency's own task at the same enterprise (the joint visit is the one visit made).
import type { DrawRecord } from '../../../domain/schemas/draw';
import type { Task } from '../../../domain/schemas/task';
import type { Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';
import { newRecordEnvelope } from '../db/new-record';

export function tasksOf(draw: DrawRecord, now: string): Task[] {
  return draw.result.visits
    .filter((v) => v.unstaffed === null && v.officerIds.length > 0)
    .map((v) => ({
      ...newRecordEnvelope(draw.drawnBy, now),
      kind: 'drawn',
      enterpriseId: v.enterpriseId,
      agencyIds: v.agencyIds,
      joint: v.joint,
      officerIds: v.officerIds,
      planId: draw.planId,
      drawId: draw.id,
      year: draw.year,
      periodKey: draw.periodKey,
      dueFrom: draw.periodFrom,
      dueBy: draw.periodTo,
    }));
}

/** The live tasks of a draw, or of those of its enterprises named. */
async function liveTasks(tx: Queryable, drawId: string, enterpriseIds?: readonly string[]) {
  const rows = await tx.query<{ data: Task }>(
    `SELECT data FROM records WHERE entity = 'task' AND deleted_at IS NULL
       AND data->>'drawId' = $1
       AND ($2::jsonb IS NULL OR $2::jsonb ? (data->>'enterpriseId'))`,
    [drawId, enterpriseIds ? JSON.stringify(enterpriseIds) : null],
  );
  return rows.map((r) => r.data);
}

/**
 * Writes the draw's tasks and deletes those it replaces: all of `replacedDrawId`'s, and those of
 * the partner's draw in force at the enterprises of its staffed joint visits.
 */
export async function writeDrawTasks(
  tx: Queryable,
  draw: DrawRecord,
  replaced: { drawId: string | null; partnerDrawId: string | null },
  now: string,
): Promise<Task[]> {
  const tasks = tasksOf(draw, now);
  const jointAt = tasks.filter((t) => t.joint).map((t) => t.enterpriseId);
  const removed = [
    ...(replaced.drawId ? await liveTasks(tx, replaced.drawId) : []),
    ...(replaced.partnerDrawId && jointAt.length > 0
      ? await liveTasks(tx, replaced.partnerDrawId, jointAt)
      : []),
  ].map((t) => ({ ...t, deletedAt: now, updatedAt: now }));
  const written = await writeRecords(
    tx,
    [...removed, ...tasks].map((data) => ({ entity: 'task' as const, data })),
  );
  const assignees = tasks.flatMap((t) => t.officerIds.map((userId) => ({ userId, taskId: t.id })));
  if (assignees.length > 0) {
    await tx.query(
      `INSERT INTO task_assignees (user_id, task_id)
       SELECT "userId", "taskId" FROM jsonb_to_recordset($1::jsonb) AS a("userId" uuid, "taskId" uuid)`,
      [JSON.stringify(assignees)],
    );
  }
  return written.slice(removed.length).map((w) => w.data as Task);
}
