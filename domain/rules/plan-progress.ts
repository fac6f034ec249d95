// Where the plan stands: each task done, due or overdue, and the counts by month, agency and
// officer. One rule for the inspector's task list, the supervisors' progress screen and the
// dashboard, so that the three never disagree.
import type { Inspection } from '../schemas/inspection';
import type { Task } from '../schemas/task';
import { monthOf } from './calendar-date';

export const taskStates = ['overdue', 'due', 'done'] as const;
export type TaskState = (typeof taskStates)[number];

type TaskForProgress = Pick<
  Task,
  'id' | 'agencyIds' | 'officerIds' | 'dueBy' | 'deletedAt' | 'year'
>;
type InspectionForProgress = Pick<
  Inspection,
  'id' | 'taskId' | 'status' | 'deletedAt' | 'leadInspectorId'
>;

/**
 * The submitted inspection made from each task, by task id. A draft does not do a task: the
 * visit is made when its record is submitted. Of two submitted, the first by id stands (ids are
 * time-ordered), so the answer does not depend on the order the records come in.
 */
export function inspectionsByTask<I extends InspectionForProgress>(
  inspections: readonly I[],
): Map<string, I> {
  const found = new Map<string, I>();
  for (const i of inspections) {
    if (i.deletedAt !== null || i.status !== 'submitted' || !i.taskId) continue;
    const before = found.get(i.taskId);
    if (!before || i.id < before.id) found.set(i.taskId, i);
  }
  return found;
}

/** Done once an inspection made from it is submitted; overdue after its last day; due until. */
export function taskState(
  task: Pick<Task, 'id' | 'dueBy'>,
  done: ReadonlyMap<string, unknown>,
  today: string,
): TaskState {
  if (done.has(task.id)) return 'done';
  return today > task.dueBy ? 'overdue' : 'due';
}

export interface ProgressCounts {
  done: number;
  due: number;
  overdue: number;
  total: number;
}

export interface ProgressRow<K> {
  key: K;
  counts: ProgressCounts;
  /** The same counts month by month (YYYY-MM), for the months that have tasks, in order. */
  months: { month: string; counts: ProgressCounts }[];
}

export interface PlanProgress {
  total: ProgressCounts;
  months: { month: string; counts: ProgressCounts }[];
  agencies: ProgressRow<string>[];
  /** By officer; key null holds the tasks sent to no one (key inspections) not yet done. */
  officers: ProgressRow<string | null>[];
}

const zero = (): ProgressCounts => ({ done: 0, due: 0, overdue: 0, total: 0 });

class Tally<K> {
  private readonly rows = new Map<K, Map<string, ProgressCounts>>();
  add(key: K, month: string, state: TaskState) {
    const months = this.rows.get(key) ?? new Map<string, ProgressCounts>();
    const counts = months.get(month) ?? zero();
    counts[state] += 1;
    counts.total += 1;
    months.set(month, counts);
    this.rows.set(key, months);
  }
  result(order: (a: K, b: K) => number): ProgressRow<K>[] {
    return [...this.rows]
      .sort(([a], [b]) => order(a, b))
      .map(([key, byMonth]) => {
        const months = [...byMonth]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([month, counts]) => ({ month, counts }));
        return { key, counts: sum(months.map((m) => m.counts)), months };
      });
  }
}

function sum(list: readonly ProgressCounts[]): ProgressCounts {
  const out = zero();
  for (const c of list) {
    out.done += c.done;
    out.due += c.due;
    out.overdue += c.overdue;
    out.total += c.total;
  }
  return out;
}

const byKey = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/**
 * The progress of the live tasks (of `year` when given) on `today`. A task counts in the month
 * of its last day (the month it falls due), once for each of its agencies (a joint visit is
 * owed by both) and once for each officer it names. A task that names no officer counts, once
 * done, for the lead of the inspection that did it, and until then under no one (key null).
 */
export function planProgress(
  tasks: readonly TaskForProgress[],
  inspections: readonly InspectionForProgress[],
  today: string,
  year?: number,
): PlanProgress {
  const done = inspectionsByTask(inspections);
  const all = new Tally<'all'>();
  const agencies = new Tally<string>();
  const officers = new Tally<string | null>();
  for (const task of tasks) {
    if (task.deletedAt !== null || (year !== undefined && task.year !== year)) continue;
    const state = taskState(task, done, today);
    const month = monthOf(task.dueBy);
    all.add('all', month, state);
    for (const agencyId of new Set(task.agencyIds)) agencies.add(agencyId, month, state);
    const lead = done.get(task.id)?.leadInspectorId;
    const named = task.officerIds.length > 0 ? [...new Set(task.officerIds)] : [lead ?? null];
    for (const officerId of named) officers.add(officerId, month, state);
  }
  const [overall] = all.result(byKey);
  return {
    total: overall?.counts ?? zero(),
    months: overall?.months ?? [],
    agencies: agencies.result(byKey),
    officers: officers.result(byKey),
  };
}

/** The share done, in whole percent rounded down; null when there is nothing to do. */
export function percentDone(counts: ProgressCounts): number | null {
  return counts.total === 0 ? null : Math.floor((100 * counts.done) / counts.total);
}
