// How a task's period and kind read on screen, in both languages.
import type { TFunction } from 'i18next';
import type { Task } from '../../../../domain/schemas/task';

/** '2027 Q1' / '2027年第1季度', from the task's year and period key (Y, H1, Q3, M07). */
export function periodLabel(t: TFunction, task: Pick<Task, 'year' | 'periodKey'>): string {
  const { year, periodKey: key } = task;
  if (key === 'Y') return t('myTasks.period.year', { year });
  const n = Number(key.slice(1));
  if (key.startsWith('H')) return t(`myTasks.period.half${n}`, { year });
  if (key.startsWith('Q')) return t('myTasks.period.quarter', { year, n });
  return t('myTasks.period.month', { year, n });
}

/** 'Drawn visit', 'Joint drawn visit' or 'Key inspection'. */
export function kindLabel(t: TFunction, task: Pick<Task, 'kind' | 'joint'>): string {
  if (task.kind === 'key') return t('myTasks.kind.key');
  return task.joint ? t('myTasks.kind.joint') : t('myTasks.kind.drawn');
}
