import { describe, expect, it } from 'vitest';
import { taskSchema } from '../../../../domain/schemas/task';
import { ruleKeyTask, ruleTask } from '../rules/task-fixtures';
import { uid } from '../rules/fixture-records';

const messages = (value: unknown) => {
  const parsed = taskSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('taskSchema', () => {
  it('takes a drawn task with its draw and two officers, and a key task with neither', () => {
    expect(messages(ruleTask(1))).toEqual([]);
    expect(messages(ruleKeyTask(2, '2026-05'))).toEqual([]);
  });

  it('refuses a drawn task without its draw or with fewer than two officers', () => {
    expect(messages({ ...ruleTask(1), drawId: null })).toEqual(['task.drawnNeedsDraw']);
    expect(messages({ ...ruleTask(1), officerIds: [uid(1)] })).toEqual(['task.drawnNeedsDraw']);
  });

  it('refuses a key task naming a draw, an officer or a joint visit', () => {
    const key = ruleKeyTask(2, '2026-05');
    expect(messages({ ...key, drawId: uid(650) })).toEqual(['task.keyIsUnassigned']);
    expect(messages({ ...key, officerIds: [uid(1)] })).toEqual(['task.keyIsUnassigned']);
    expect(messages({ ...key, joint: true })).toEqual(['task.keyIsUnassigned']);
  });

  it('refuses a task due before it starts', () => {
    expect(messages({ ...ruleTask(1), dueBy: '2025-12-31' })).toEqual(['task.dueBeforeStart']);
  });
});
