// Tasks on this device (drawn visits and key inspections the server sends; written by the server
// only, arriving through synced-records.ts): the signed-in officer's list with each task's state,
// one task for the start form, and what the plan's progress is counted from.
import type { TaskState } from '../../../../domain/rules/plan-progress';
import { inspectionsByTask, taskState } from '../../../../domain/rules/plan-progress';
import type { Inspection } from '../../../../domain/schemas/inspection';
import type { Task } from '../../../../domain/schemas/task';
import type { User } from '../../../../domain/schemas/user';
import type { FieldInspectorDb } from '../database';
import { enterpriseNames } from './enterprises';

export interface TaskRow {
  task: Task;
  state: TaskState;
  enterpriseName: string | null;
  /** The officers the task names other than the reader, by name (the id when unknown here). */
  coOfficers: { id: string; name: string }[];
  /** The inspection made from it: the submitted one, else a draft of the reader's; null if none. */
  inspectionId: string | null;
}

type Reader = Pick<User, 'id' | 'role' | 'agencyId'>;

const STATE_ORDER: Record<TaskState, number> = { overdue: 0, due: 1, done: 2 };

/**
 * Whose tasks a reader sees. An inspector: those naming them, and those sent to no one (key
 * inspections) of their agency in their towns. A supervisor or administrator: every task this
 * device holds, which are those of their towns and those they are sent on.
 */
export function isReadersTask(task: Task, reader: Reader): boolean {
  if (task.deletedAt !== null) return false;
  if (reader.role !== 'inspector') return true;
  if (task.officerIds.includes(reader.id)) return true;
  return task.officerIds.length === 0 && task.agencyIds.includes(reader.agencyId);
}

async function taskInspections(db: FieldInspectorDb, taskIds: readonly string[]) {
  const found = await db.inspections
    .where('taskId')
    .anyOf([...taskIds])
    .toArray();
  return found.filter((i) => i.deletedAt === null);
}

/** The reader's tasks on `today`: overdue first, then due, then done; by last day within. */
export async function listMyTasks(
  db: FieldInspectorDb,
  reader: Reader,
  today: string,
): Promise<TaskRow[]> {
  const tasks = (await db.tasks.toArray()).filter((t) => isReadersTask(t, reader));
  const [names, inspections, users] = await Promise.all([
    enterpriseNames(db),
    taskInspections(
      db,
      tasks.map((t) => t.id),
    ),
    db.users.toArray(),
  ]);
  const done = inspectionsByTask(inspections);
  const userNames = new Map(users.map((u) => [u.id, u.displayName]));
  const drafts = new Map<string, string>();
  for (const i of inspections) {
    if (i.status === 'draft' && i.leadInspectorId === reader.id && i.taskId) {
      drafts.set(i.taskId, i.id);
    }
  }
  return tasks
    .map((task) => ({
      task,
      state: taskState(task, done, today),
      enterpriseName: names.get(task.enterpriseId) ?? null,
      coOfficers: task.officerIds
        .filter((id) => id !== reader.id)
        .map((id) => ({ id, name: userNames.get(id) ?? id })),
      inspectionId: done.get(task.id)?.id ?? drafts.get(task.id) ?? null,
    }))
    .sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        a.task.dueBy.localeCompare(b.task.dueBy) ||
        (a.enterpriseName ?? '').localeCompare(b.enterpriseName ?? '', 'zh-CN') ||
        a.task.id.localeCompare(b.task.id),
    );
}

/** A live task, or undefined when this device does not hold it (or a redraw removed it). */
export async function getTask(db: FieldInspectorDb, id: string): Promise<Task | undefined> {
  const found = await db.tasks.get(id);
  return found && found.deletedAt === null ? found : undefined;
}

export interface ProgressData {
  tasks: Task[];
  /** The inspections made from a task (the others do not count towards the plan). */
  inspections: Inspection[];
  agencyNames: Map<string, string>;
  userNames: Map<string, string>;
}

/** What the plan's progress is counted from: every live task on this device. */
export async function loadProgressData(db: FieldInspectorDb): Promise<ProgressData> {
  const tasks = (await db.tasks.toArray()).filter((t) => t.deletedAt === null);
  const [inspections, agencies, users] = await Promise.all([
    taskInspections(
      db,
      tasks.map((t) => t.id),
    ),
    db.agencies.toArray(),
    db.users.toArray(),
  ]);
  return {
    tasks,
    inspections,
    agencyNames: new Map(agencies.map((a) => [a.id, a.name])),
    userNames: new Map(users.map((u) => [u.id, u.displayName])),
  };
}
