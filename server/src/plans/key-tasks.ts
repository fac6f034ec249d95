// Owns the key tasks (fixed-frequency inspections of major hazard sources) an approved plan
// version writes: one per visit of rules/key-inspections.ts, as synced records of the
// enterprise's town sent to no officer in particular, so that every device of the town holds
// them and any officer of the agency makes the visit. A later approved version replaces the
// tasks of the months not yet begun; those begun stay.
import { todayInChina } from '../../../domain/rules/calendar-date';
import {
  keyInspectionSchedule,
  keyTaskChanges,
  keyVisitDays,
} from '../../../domain/rules/key-inspections';
import type { Plan } from '../../../domain/schemas/plan';
import type { Task } from '../../../domain/schemas/task';
import type { Queryable } from '../db/database';
import { writeRecords } from '../sync/record-store';
import { targetListNow } from './draw-lists';
import { newRecordEnvelope } from '../db/new-record';

async function liveKeyTasks(tx: Queryable, agencyId: string, year: number): Promise<Task[]> {
  const rows = await tx.query<{ data: Task }>(
    `SELECT data FROM records WHERE entity = 'task' AND deleted_at IS NULL
       AND data->>'kind' = 'key' AND data->>'year' = $2 AND data->'agencyIds' ? $1
     ORDER BY id`,
    [agencyId, String(year)],
  );
  return rows.map((r) => r.data);
}

/** Writes the key tasks of a version just approved (by `approverId`) on `now`. */
export async function writeKeyTasks(
  tx: Queryable,
  plan: Plan,
  approverId: string,
  now: Date,
): Promise<Task[]> {
  const today = todayInChina(now);
  const at = now.toISOString();
  const visits = keyInspectionSchedule(plan, await targetListNow(tx, plan.agencyId, today));
  const { removed, added } = keyTaskChanges(
    visits,
    await liveKeyTasks(tx, plan.agencyId, plan.year),
    today,
    plan.previousRevisionId === null,
  );
  const tasks = added.map((v): Task => ({
    ...newRecordEnvelope(approverId, at),
    kind: 'key',
    enterpriseId: v.enterpriseId,
    agencyIds: [plan.agencyId],
    joint: false,
    officerIds: [],
    planId: plan.id,
    drawId: null,
    year: plan.year,
    periodKey: `M${v.month.slice(5, 7)}`,
    ...keyVisitDays(v.month),
  }));
  const written = await writeRecords(tx, [
    ...removed.map((t) => ({
      entity: 'task' as const,
      data: { ...t, deletedAt: at, updatedAt: at },
    })),
    ...tasks.map((data) => ({ entity: 'task' as const, data })),
  ]);
  return written.slice(removed.length).map((w) => w.data as Task);
}
