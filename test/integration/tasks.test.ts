// Tasks on the devices: the visits a draw makes reach, with the next pull, the devices of the
// enterprise's town and of the officers sent (wherever their towns); no device may write a task,
// administrators' included; and an inspection started from a task names it, which the server
// holds to a task of the same enterprise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Task } from '../../domain/schemas/task';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { agencyOf } from '../support/extra-users';
import type { Device } from '../support/push-fixtures';
import { newInspection, push, signIn, upsert } from '../support/push-fixtures';
import {
  addOfficer,
  approvedPlan,
  drawRequest,
  planBody,
  pulledTasks as pulledOfKind,
  send,
} from '../support/plan-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('tasks on %s', (kind) => {
  let t: DemoApp;
  let supervisor: Device;
  let admin: Device;
  let li: Device;
  let far: Device;
  let near: Device;
  let tasks: Task[];
  beforeAll(async () => {
    t = await demoApp(kind);
    supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    admin = await signIn(t.app, t.district, 'admin');
    li = await signIn(t.app, t.district, 'inspector.li');
    // The only two officers on the list, so every visit sends both: one of them has no towns.
    far = await addOfficer(t, { username: 'officer.far', agency: 'safety', jurisdiction: [] });
    near = await addOfficer(t, { username: 'officer.near', agency: 'safety' });
    const plan = await approvedPlan(t, supervisor, planBody());
    const res = await send(t, 'POST', `/plans/${plan.id}/draws`, supervisor, drawRequest());
    if (res.statusCode !== 201) throw new Error(`draw: ${res.statusCode} ${res.body}`);
    tasks = res.json<{ tasks: Task[] }>().tasks;
  });
  afterAll(() => t.close());

  // The drawn ones: the plan's approval sent the town's key tasks too (key-tasks.test.ts).
  const pulledTasks = (device: Device) => pulledOfKind(t, device, 'drawn');

  const storedTasks = () =>
    t.db.query<{ data: Task }>(`SELECT data FROM records WHERE entity = 'task' ORDER BY id`);

  it('sends each task to the officers it names, even outside their towns, and to the devices of its town', async () => {
    expect(tasks.length).toBeGreaterThan(1);
    for (const task of tasks)
      expect(task.officerIds.sort()).toEqual([far.userId, near.userId].sort());
    const ids = (list: Task[]) => list.map((x) => x.id).sort();
    expect(ids(await pulledTasks(far))).toEqual(ids(tasks));
    expect(ids(await pulledTasks(near))).toEqual(ids(tasks));
    const liTowns = t.district.users.find((u) => u.record.username === 'inspector.li')?.record
      .jurisdiction;
    const townOf = (id: string) => t.district.enterprises.find((e) => e.id === id)?.town ?? '';
    expect(ids(await pulledTasks(li))).toEqual(
      ids(tasks.filter((x) => liTowns?.includes(townOf(x.enterpriseId)))),
    );
  });

  it('refuses every device a task write: a change, a new task, a deletion, from officers and administrators alike', async () => {
    const [task] = tasks;
    if (!task) throw new Error('no task');
    const before = await storedTasks();
    const mine = await push(t.app, near, [
      upsert('task', { ...task, officerIds: [near.userId, li.userId] }, task.version),
      upsert('task', { ...task, id: uuidv7(), version: 0 }, 0),
    ]);
    const theirs = await push(t.app, admin, [
      { entity: 'task', id: task.id, op: 'delete', data: null, baseVersion: task.version },
      upsert('task', { ...task, id: uuidv7(), version: 0 }, 0),
    ]);
    for (const result of [...mine.results, ...theirs.results]) {
      expect(result.status).toBe('rejected');
      expect(result.reason?.code).toBe('serverWritten');
    }
    expect(await storedTasks()).toEqual(before);
  });

  it('takes an inspection started from a task of its enterprise, naming it, and refuses one naming a task of another enterprise or none', async () => {
    const [task, other] = tasks;
    if (!task || !other) throw new Error('two tasks are drawn');
    const safety = agencyOf(t, 'safety');
    const from = (taskId: string, enterpriseId = task.enterpriseId) =>
      newInspection(t.district, near.userId, enterpriseId, {
        agencyIds: [safety],
        coInspectorIds: [far.userId],
        taskId,
      });
    const wrong = [from(other.id), from(uuidv7())];
    const refused = await push(
      t.app,
      near,
      wrong.map((i) => upsert('inspection', i)),
    );
    expect(refused.results.map((r) => r.reason?.code)).toEqual(['taskUnknown', 'taskUnknown']);
    const none = await t.db.query(
      `SELECT 1 FROM records WHERE entity = 'inspection' AND id = ANY ($1::uuid[])`,
      [wrong.map((i) => i.id)],
    );
    expect(none).toEqual([]);

    const right = from(task.id);
    const taken = await push(t.app, near, [upsert('inspection', right)]);
    expect(taken.results[0]?.status, JSON.stringify(taken.results)).toBe('applied');
    const [row] = await t.db.query<{ data: { taskId: string } }>(
      `SELECT data FROM records WHERE entity = 'inspection' AND id = $1`,
      [right.id],
    );
    expect(row?.data.taskId).toBe(task.id);
  });
});
