import { describe, expect, it } from 'vitest';
import type { FieldInspectorDb } from '../../../../../renderer/src/db/database';
import { createInspection } from '../../../../../renderer/src/db/repositories/inspections';
import {
  getTask,
  listMyTasks,
  loadProgressData,
} from '../../../../../renderer/src/db/repositories/tasks';
import { makeEnterprise, makeInspection, makeUser } from '../../../../support/record-fixtures';
import { uid } from '../../../domain/rules/fixture-records';
import { ruleKeyTask, ruleTask } from '../../../domain/rules/task-fixtures';
import { withTestDatabase } from '../../support/test-database';

let db: FieldInspectorDb;
withTestDatabase((opened) => (db = opened));

const SAFETY = uid(800);
const ENV = uid(801);
const me = makeUser({ id: uid(1), agencyId: SAFETY, displayName: '李明' });
const wang = makeUser({ id: uid(2), username: 'inspector.wang', displayName: '王强' });
const reader = { id: me.id, role: 'inspector' as const, agencyId: SAFETY };
const TODAY = '2026-04-10';
const q2 = { periodKey: 'Q2', dueFrom: '2026-04-01', dueBy: '2026-06-30' };

const mine = ruleTask(1, { officerIds: [me.id, wang.id] });
const mineLater = ruleTask(2, { officerIds: [wang.id, me.id], ...q2 });
const notMine = ruleTask(3, { officerIds: [uid(3), uid(4)] });
const keyOfMyAgency = ruleKeyTask(4, '2026-04');
const keyOfOther = ruleKeyTask(5, '2026-04', { agencyIds: [ENV] });
const removed = ruleTask(6, { deletedAt: '2026-02-01T00:00:00.000+08:00' });
const doneOne = ruleTask(7, { officerIds: [me.id, wang.id], ...q2 });

async function seed() {
  await db.users.bulkPut([me, wang]);
  await db.enterprises.put(makeEnterprise({ id: mine.enterpriseId, name: '上虞化工' }));
  await db.tasks.bulkPut([mine, mineLater, notMine, keyOfMyAgency, keyOfOther, removed, doneOne]);
  await db.inspections.bulkPut([
    makeInspection({ taskId: doneOne.id, status: 'submitted', enterpriseId: doneOne.enterpriseId }),
    makeInspection({
      id: uid(150),
      taskId: mineLater.id,
      leadInspectorId: me.id,
      status: 'draft',
    }),
  ]);
}

describe('listMyTasks', () => {
  it("lists an inspector's tasks and their agency's key inspections, overdue first, then due, then done", async () => {
    await seed();
    const rows = await listMyTasks(db, reader, TODAY);
    expect(rows.map((r) => [r.task.id, r.state])).toEqual([
      [mine.id, 'overdue'],
      [keyOfMyAgency.id, 'due'],
      [mineLater.id, 'due'],
      [doneOne.id, 'done'],
    ]);
    expect(rows[0]).toMatchObject({
      enterpriseName: '上虞化工',
      coOfficers: [{ id: wang.id, name: '王强' }],
      inspectionId: null,
    });
    // A draft of the reader's made from the task is theirs to continue.
    expect(rows[2]?.inspectionId).toBe(uid(150));
    expect(rows[1]?.coOfficers).toEqual([]);
  });

  it("gives a supervisor every live task of the device's towns", async () => {
    await seed();
    const rows = await listMyTasks(db, { ...reader, role: 'supervisor' }, TODAY);
    expect(rows.map((r) => r.task.id).sort()).toEqual(
      [mine, mineLater, notMine, keyOfMyAgency, keyOfOther, doneOne].map((t) => t.id).sort(),
    );
  });
});

describe('getTask and loadProgressData', () => {
  it('read live tasks only, with the inspections made from them', async () => {
    await seed();
    expect(await getTask(db, removed.id)).toBeUndefined();
    expect((await getTask(db, mine.id))?.id).toBe(mine.id);
    const data = await loadProgressData(db);
    expect(data.tasks).toHaveLength(6);
    expect(data.inspections.map((i) => i.taskId).sort()).toEqual([doneOne.id, mineLater.id].sort());
  });
});

describe('an inspection started from a task', () => {
  it('names the task, in the record and its outbox row alike', async () => {
    await db.users.bulkPut([me, wang]);
    const made = await createInspection(db, {
      enterpriseId: mine.enterpriseId,
      kind: 'routine',
      templates: [{ id: uid(300), version: 1 }],
      lead: me,
      coInspectorIds: [wang.id],
      location: { lat: 30.1, lon: 120.8, accuracyM: 12 },
      taskId: mine.id,
    });
    expect(made.taskId).toBe(mine.id);
    expect((await db.inspections.get(made.id))?.taskId).toBe(mine.id);
    expect((await db.outbox.toArray())[0]?.data).toMatchObject({ taskId: mine.id });
  });
});
