// Tasks for the rules' tests, parsed with their schema so that a fixture that drifts from it
// fails loudly.
import type { Task } from '../../../../domain/schemas/task';
import { taskSchema } from '../../../../domain/schemas/task';
import { uid } from './fixture-records';

export function ruleTask(n: number, overrides: Partial<Task> = {}): Task {
  return taskSchema.parse({
    id: uid(5_000 + n),
    version: 1,
    updatedAt: '2026-01-06T10:00:00.000+08:00',
    deletedAt: null,
    createdBy: uid(700),
    kind: 'drawn',
    enterpriseId: uid(10_000 + n),
    agencyIds: [uid(800)],
    joint: false,
    officerIds: [uid(1), uid(2)],
    planId: uid(600),
    drawId: uid(650),
    year: 2026,
    periodKey: 'Q1',
    dueFrom: '2026-01-01',
    dueBy: '2026-03-31',
    ...overrides,
  });
}

/** A key task of month `month` (YYYY-MM, 2026), sent to no officer. */
export function ruleKeyTask(n: number, month: string, overrides: Partial<Task> = {}): Task {
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return ruleTask(n, {
    kind: 'key',
    officerIds: [],
    drawId: null,
    periodKey: `M${month.slice(5, 7)}`,
    dueFrom: `${month}-01`,
    dueBy: `${month}-${String(last).padStart(2, '0')}`,
    ...overrides,
  });
}
