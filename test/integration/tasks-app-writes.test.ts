// Tasks as the app handles them (the renderer's real repositories, outbox, pull and push on
// fake-indexeddb): a drawn task and a key task reach an officer's device with the sync and are
// on their task list offline; an inspection started from either, as the start form writes it
// (the task's other officers as co-inspectors, the task named), is what the server accepts; and
// one naming a task of another enterprise is refused with nothing stored.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../domain/schemas/task';
import type { User } from '../../domain/schemas/user';
import { openUserDatabase } from '../../renderer/src/db/database';
import type { FieldInspectorDb } from '../../renderer/src/db/database';
import { createInspection } from '../../renderer/src/db/repositories/inspections';
import { listMyTasks } from '../../renderer/src/db/repositories/tasks';
import { createApiClient } from '../../renderer/src/sync/api-client';
import type { ApiClient } from '../../renderer/src/sync/api-client';
import { pushOutbox } from '../../renderer/src/sync/push';
import { runSyncCycle } from '../../renderer/src/sync/sync-cycle';
import { MAJOR_HAZARD_TEMPLATE_ID } from '../../server/src/statutory/built-in-templates';
import { readRecord } from '../../server/src/sync/record-store';
import type { DemoApp } from '../support/demo-app';
import { demoApp } from '../support/demo-app';
import { injectFetch } from '../support/inject-fetch';
import { addOfficer, approvedPlan, drawRequest, planBody, send } from '../support/plan-fixtures';
import type { Device } from '../support/push-fixtures';
import { signIn } from '../support/push-fixtures';
import { databaseKinds } from '../support/test-databases';

describe.each(databaseKinds)('tasks as the app handles them, on %s', (kind) => {
  let t: DemoApp;
  let near: Device;
  let db: FieldInspectorDb;
  let client: ApiClient;
  let me: User;
  let drawn: Task[];

  beforeAll(async () => {
    t = await demoApp(kind);
    const supervisor = await signIn(t.app, t.district, 'supervisor.safety');
    // The only two officers on the list: every drawn visit sends both.
    await addOfficer(t, { username: 'officer.far', agency: 'safety', jurisdiction: [] });
    near = await addOfficer(t, { username: 'officer.near', agency: 'safety' });
    const plan = await approvedPlan(t, supervisor, planBody());
    const res = await send(t, 'POST', `/plans/${plan.id}/draws`, supervisor, drawRequest());
    if (res.statusCode !== 201) throw new Error(`draw: ${res.statusCode} ${res.body}`);
    drawn = res.json<{ tasks: Task[] }>().tasks;
    client = createApiClient({
      serverUrl: 'https://hq.test',
      token: near.token,
      fetch: injectFetch(() => t.app),
    });
    db = openUserDatabase(`${near.userId}-tasks-app-${kind}`);
    await runSyncCycle({ client, db, deviceId: near.deviceId });
    const user = await db.users.get(near.userId);
    if (!user) throw new Error('the officer is not in the directory on the device');
    me = user;
  });
  afterAll(async () => {
    db.close();
    await db.delete();
    await t.close();
  });

  const reader = () => ({ id: me.id, role: me.role, agencyId: me.agencyId });

  async function startFrom(task: Task, enterpriseId = task.enterpriseId) {
    const template = await db.templates.get(MAJOR_HAZARD_TEMPLATE_ID);
    if (!template) throw new Error('the built-in checklist is not on the device');
    return createInspection(db, {
      enterpriseId,
      kind: task.joint ? 'joint' : 'routine',
      templates: [{ id: template.id, version: template.version }],
      lead: me,
      coInspectorIds: task.officerIds.filter((id) => id !== me.id),
      location: { lat: 30.03, lon: 120.87, accuracyM: 8 },
      taskId: task.id,
    });
  }

  it("puts the drawn visits and the agency's key inspections on the officer's list, offline", async () => {
    const rows = await listMyTasks(db, reader(), '2026-11-29');
    const ids = new Set(rows.map((r) => r.task.id));
    expect(drawn.length).toBeGreaterThan(0);
    for (const task of drawn) expect(ids.has(task.id)).toBe(true);
    expect(rows.some((r) => r.task.kind === 'key')).toBe(true);
    expect(rows.every((r) => r.state === 'due')).toBe(true);
  });

  it('takes an inspection started from a drawn task and from a key task as the app writes them', async () => {
    const [task] = drawn;
    const key = (await db.tasks.toArray()).find((x) => x.kind === 'key');
    if (!task || !key) throw new Error('a drawn and a key task are on the device');
    const fromDrawn = await startFrom(task);
    const fromKey = await startFrom(key);
    await pushOutbox({ client, db, deviceId: near.deviceId });
    expect(await db.rejected.toArray()).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    expect(await readRecord(t.db, 'inspection', fromDrawn.id)).toMatchObject({
      taskId: task.id,
      coInspectorIds: task.officerIds.filter((id) => id !== me.id),
    });
    expect(await readRecord(t.db, 'inspection', fromKey.id)).toMatchObject({ taskId: key.id });
  });

  it("refuses one naming another enterprise's task, storing nothing", async () => {
    const [task, other] = drawn;
    if (!task || !other) throw new Error('two tasks are drawn');
    const wrong = await startFrom(other, task.enterpriseId);
    await pushOutbox({ client, db, deviceId: near.deviceId });
    const [rejected] = await db.rejected.toArray();
    expect(rejected).toMatchObject({ id: wrong.id, refusal: { code: 'taskUnknown' } });
    expect(await readRecord(t.db, 'inspection', wrong.id)).toBeNull();
  });
});
