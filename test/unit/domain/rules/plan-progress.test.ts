import { describe, expect, it } from 'vitest';
import {
  inspectionsByTask,
  percentDone,
  planProgress,
  taskState,
} from '../../../../domain/rules/plan-progress';
import { ruleInspection, uid } from './fixture-records';
import { ruleKeyTask, ruleTask } from './task-fixtures';

const [A, B, C, D] = [uid(1), uid(2), uid(3), uid(4)];
const SAFETY = uid(800);
const ENV = uid(801);
const TODAY = '2026-04-10';

const q2 = { periodKey: 'Q2', dueFrom: '2026-04-01', dueBy: '2026-06-30' };
const t1 = ruleTask(1, { officerIds: [A, B] });
const t2 = ruleTask(2, { officerIds: [A, C] });
const t3 = ruleTask(3, { officerIds: [B, C], ...q2 });
const t4 = ruleTask(4, { officerIds: [A, D], agencyIds: [SAFETY, ENV], joint: true, ...q2 });
const t5 = ruleKeyTask(5, '2026-03');
const t6 = ruleKeyTask(6, '2026-04');
const t7 = ruleTask(7, { deletedAt: '2026-02-01T00:00:00.000+08:00' });
const t8 = ruleTask(8, { year: 2025, dueFrom: '2025-01-01', dueBy: '2025-03-31' });
const tasks = [t1, t2, t3, t4, t5, t6, t7, t8];

const submitted = (n: number, taskId: string, lead = A) =>
  ruleInspection({ id: uid(100 + n), taskId, status: 'submitted', leadInspectorId: lead });
const inspections = [
  submitted(1, t1.id),
  ruleInspection({ id: uid(103), taskId: t3.id, status: 'draft' }),
  submitted(5, t5.id, C),
  submitted(7, t7.id),
  ruleInspection({ id: uid(109) }),
];

describe('inspectionsByTask', () => {
  it('counts submitted live inspections only, the first by id when two did one task', () => {
    const later = submitted(9, t1.id);
    const gone = { ...submitted(2, t2.id), deletedAt: '2026-03-09T00:00:00.000+08:00' };
    const found = inspectionsByTask([later, ...inspections, gone]);
    expect([...found.keys()].sort()).toEqual([t1.id, t5.id, t7.id].sort());
    expect(found.get(t1.id)?.id).toBe(uid(101));
    expect(inspectionsByTask([...inspections].reverse()).get(t1.id)?.id).toBe(uid(101));
  });
});

describe('taskState', () => {
  it('is due through the last day, overdue after it, done once submitted whenever', () => {
    const done = inspectionsByTask(inspections);
    expect(taskState(t2, done, '2026-03-31')).toBe('due');
    expect(taskState(t2, done, '2026-04-01')).toBe('overdue');
    expect(taskState(t1, done, '2026-12-31')).toBe('done');
    expect(taskState(t3, done, TODAY)).toBe('due');
  });
});

describe('planProgress', () => {
  // Worked by hand on 2026-04-10: t1 done (March), t2 overdue (March), t3 due (June, only a
  // draft), t4 due (June, joint: both agencies), t5 done (March key task, by C), t6 due (April
  // key task, no one); t7 deleted and t8 of 2025 do not count.
  const progress = planProgress(tasks, inspections, TODAY, 2026);
  const c = (done: number, due: number, overdue: number) => ({
    done,
    due,
    overdue,
    total: done + due + overdue,
  });

  it('counts the year by state and by the month each task falls due', () => {
    expect(progress.total).toEqual(c(2, 3, 1));
    expect(progress.months).toEqual([
      { month: '2026-03', counts: c(2, 0, 1) },
      { month: '2026-04', counts: c(0, 1, 0) },
      { month: '2026-06', counts: c(0, 2, 0) },
    ]);
  });

  it('counts a joint visit for both agencies', () => {
    expect(progress.agencies.map((a) => [a.key, a.counts])).toEqual([
      [SAFETY, c(2, 3, 1)],
      [ENV, c(0, 1, 0)],
    ]);
    expect(progress.agencies[1]?.months).toEqual([{ month: '2026-06', counts: c(0, 1, 0) }]);
  });

  it('counts each officer named, a key task done for its lead, an open one for no one', () => {
    expect(progress.officers.map((o) => [o.key, o.counts])).toEqual([
      [A, c(1, 1, 1)],
      [B, c(1, 1, 0)],
      [C, c(1, 1, 1)],
      [D, c(0, 1, 0)],
      [null, c(0, 1, 0)],
    ]);
  });

  it('counts every year without one, and nothing without tasks', () => {
    expect(planProgress(tasks, inspections, TODAY).total).toEqual(c(2, 3, 2));
    expect(planProgress([], inspections, TODAY)).toEqual({
      total: c(0, 0, 0),
      months: [],
      agencies: [],
      officers: [],
    });
  });

  it('gives the share done in whole percent, none of nothing', () => {
    expect(percentDone(c(2, 3, 1))).toBe(33);
    expect(percentDone(c(0, 0, 0))).toBeNull();
  });
});
