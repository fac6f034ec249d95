// The records the task and progress screens' tests read: a signed-in safety inspector, a
// colleague, an enterprise, and tasks in each state on 2026-04-10.
import type { Profile } from '../../../../../renderer/src/session/profile';
import {
  makeEnterprise,
  makeInspection,
  makeSession,
  makeUser,
} from '../../../../support/record-fixtures';
import { uid } from '../../../domain/rules/fixture-records';
import { ruleKeyTask, ruleTask } from '../../../domain/rules/task-fixtures';

export const TODAY = '2026-04-10';
export const SAFETY = uid(800);
export const me = makeUser({ id: uid(1), agencyId: SAFETY, displayName: '李明' });
export const wang = makeUser({
  id: uid(2),
  agencyId: SAFETY,
  username: 'inspector.wang',
  displayName: '王强',
});
export const mySession = () => makeSession({ user: me });
export const supervisorSession = () =>
  makeSession({ user: { ...me, role: 'supervisor', certificateNo: null } });

const q2 = { periodKey: 'Q2', dueFrom: '2026-04-01', dueBy: '2026-06-30' };
/** Overdue (Q1, nothing made). */
export const overdue = ruleTask(1, { officerIds: [me.id, wang.id] });
/** Due (an April key inspection of the agency). */
export const key = ruleKeyTask(2, '2026-04');
/** Done (Q2, submitted by wang). */
export const done = ruleTask(3, { officerIds: [wang.id, me.id], ...q2 });

export async function seedTasks(profile: Profile): Promise<void> {
  const { db } = profile;
  await db.agencies.put({
    id: SAFETY,
    version: 1,
    updatedAt: '2026-01-01T08:00:00.000+08:00',
    deletedAt: null,
    createdBy: uid(900),
    name: '上虞区应急管理局',
    kind: 'safety',
  });
  await db.users.bulkPut([me, wang]);
  await db.enterprises.bulkPut([
    makeEnterprise({ id: overdue.enterpriseId, name: '浙江龙盛染料化工有限公司' }),
    makeEnterprise({ id: key.enterpriseId, name: '上虞新和成生物化工有限公司' }),
    makeEnterprise({ id: done.enterpriseId, name: '浙江闰土股份有限公司' }),
  ]);
  await db.tasks.bulkPut([overdue, key, done]);
  await db.inspections.put(
    makeInspection({
      id: uid(160),
      taskId: done.id,
      enterpriseId: done.enterpriseId,
      leadInspectorId: wang.id,
      status: 'submitted',
    }),
  );
}
