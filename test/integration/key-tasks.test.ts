// Key inspections as tasks: approving a plan version writes, for each major hazard source on the
// agency's target list, its fixed number of visits a year as tasks sent to no officer, which
// reach the devices of the enterprise's town; a later approved revision replaces the tasks of
// the months not yet begun and keeps the others; no device may write one; and an inspection made
// from one names it.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyVisitDays } from '../../domain/rules/key-inspections';
import type { Plan } from '../../domain/schemas/plan';
import type { Task } from '../../domain/schemas/task';
import { taskSchema } from '../../domain/schemas/task';
import { targetListNow } from '../../server/src/plans/draw-lists';
import type { DemoApp } from '../support/demo-app';
import { TEST_NOW, demoApp } from '../support/demo-app';
import { agencyOf } from '../support/extra-users';
import type { Device } from '../support/push-fixtures';
import { newInspection, push, signIn, upsert } from '../support/push-fixtures';
import {
  PLAN_YEAR,
  approvedPlan,
  countRows,
  planBody,
  pulledTasks,
  send,
} from '../support/plan-fixtures';
import { databaseKinds } from '../support/test-databases';

const PER_YEAR = { 1: 4, 2: 2, 3: 1, 4: 1 } as const;

describe.each(databaseKinds)('key tasks on %s', (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let li: Device;
  let plan: Plan;
  let sources: { enterpriseId: string; level: 1 | 2 | 3 | 4 }[];
  let safety: string;

  beforeAll(async () => {
    t = await demoApp(kind);
    safety = agencyOf(t, 'safety');
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    li = await signIn(t.app, t.district, 'inspector.li');
    sources = (await targetListNow(t.db, safety, '2026-11-29')).flatMap((x) =>
      x.majorHazardLevel === null
        ? []
        : [{ enterpriseId: x.enterpriseId, level: x.majorHazardLevel }],
    );
    plan = await approvedPlan(t, supervisor, planBody({ keyInspectionsPerYear: PER_YEAR }));
  });
  afterAll(() => t.close());

  const keyTasks = async (live = true) =>
    (
      await t.db.query<{ data: Task; town: string }>(
        `SELECT data, town FROM records WHERE entity = 'task' AND data->>'kind' = 'key'
           ${live ? 'AND deleted_at IS NULL' : ''} ORDER BY id`,
      )
    ).map((r) => ({ ...r.data, town: r.town }));

  const pulledKeyTasks = (device: Device) => pulledTasks(t, device, 'key');

  it("writes on approval each major hazard source's visits of the year, N of its level, sent to no officer and held by its town", async () => {
    expect(sources.length).toBeGreaterThan(0);
    const tasks = await keyTasks();
    expect(tasks).toHaveLength(sources.reduce((n, s) => n + PER_YEAR[s.level], 0));
    for (const s of sources) {
      const mine = tasks.filter((x) => x.enterpriseId === s.enterpriseId);
      expect(mine).toHaveLength(PER_YEAR[s.level]);
      // N visits in N different months of the plan year, each due through its whole month.
      const months = mine.map((x) => x.dueFrom.slice(0, 7));
      expect(new Set(months).size).toBe(PER_YEAR[s.level]);
      for (const x of mine) {
        expect(x).toMatchObject({
          kind: 'key',
          agencyIds: [safety],
          joint: false,
          officerIds: [],
          drawId: null,
          planId: plan.id,
          year: PLAN_YEAR,
          createdBy: supervisor.userId,
          deletedAt: null,
          ...keyVisitDays(x.dueFrom.slice(0, 7)),
        });
        expect(x.town).toBe(t.district.enterprises.find((e) => e.id === s.enterpriseId)?.town);
      }
    }
    expect(
      await countRows(t, 'SELECT * FROM task_assignees WHERE task_id = ANY ($1::uuid[])', [
        tasks.map((x) => x.id),
      ]),
    ).toBe(0);
    const liTowns =
      t.district.users.find((u) => u.record.username === 'inspector.li')?.record.jurisdiction ?? [];
    const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
    expect(ids(await pulledKeyTasks(li))).toEqual(
      ids(tasks.filter((x) => liTowns.includes(x.town))),
    );
  });

  it('refuses every device a key task write, storing nothing', async () => {
    const before = await keyTasks(false);
    const [task] = before;
    if (!task) throw new Error('no key task');
    const data = taskSchema.parse(task);
    const res = await push(t.app, supervisor, [
      upsert('task', { ...data, dueBy: `${PLAN_YEAR}-12-31` }, data.version),
      upsert('task', { ...data, id: uuidv7(), version: 0 }, 0),
    ]);
    expect(res.results.map((r) => r.reason?.code)).toEqual(['serverWritten', 'serverWritten']);
    expect(await keyTasks(false)).toEqual(before);
  });

  it('takes an inspection made from a key task, naming it', async () => {
    const task = (await keyTasks()).find((x) =>
      t.district.users
        .find((u) => u.record.username === 'inspector.li')
        ?.record.jurisdiction.includes(x.town),
    );
    if (!task) throw new Error("no key task in li's towns");
    const inspection = newInspection(t.district, li.userId, task.enterpriseId, {
      taskId: task.id,
    });
    const res = await push(t.app, li, [upsert('inspection', inspection)]);
    expect(res.results[0]?.status, JSON.stringify(res.results)).toBe('applied');
  });

  it('replaces, when a revision is approved, the tasks of the months not yet begun and keeps the others', async () => {
    const first = await keyTasks();
    const today = '2027-04-15';
    t.setNow(new Date(`${today}T10:00:00+08:00`));
    try {
      // Months later: a fresh session.
      const supervisor = await signIn(t.app, t.district, 'supervisor.safety');
      const revised = await send(t, 'POST', `/plans/${plan.id}/revisions`, supervisor, {
        reason: '重大危险源检查频次调整为每月一次',
      });
      expect(revised.statusCode, revised.body).toBe(201);
      const draft = revised.json<{ plan: Plan }>().plan;
      const edited = await send(t, 'PUT', `/plans/${draft.id}`, supervisor, {
        ...planBody({ keyInspectionsPerYear: { 1: 12, 2: 12, 3: 12, 4: 12 } }),
        year: undefined,
        baseVersion: draft.version,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const approved = await send(t, 'POST', `/plans/${draft.id}/approve`, supervisor, {
        baseVersion: edited.json<{ plan: Plan }>().plan.version,
      });
      expect(approved.statusCode, approved.body).toBe(200);

      const begun = first.filter((x) => x.dueFrom <= today);
      const after = await keyTasks();
      // Those of January to April stay as they were; May to December are the revision's, monthly.
      expect(after.filter((x) => x.dueFrom <= today)).toEqual(begun);
      const fresh = after.filter((x) => x.dueFrom > today);
      expect(fresh.every((x) => x.planId === draft.id)).toBe(true);
      for (const s of sources) {
        expect(fresh.filter((x) => x.enterpriseId === s.enterpriseId)).toHaveLength(8);
      }
      const gone = (await keyTasks(false)).filter((x) => x.deletedAt !== null);
      expect(gone.map((x) => x.id).sort()).toEqual(
        first
          .filter((x) => x.dueFrom > today)
          .map((x) => x.id)
          .sort(),
      );
    } finally {
      t.setNow(TEST_NOW);
    }
  });
});
