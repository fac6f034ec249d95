import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../domain/schemas/task';
import { kindLabel, periodLabel } from './task-labels';

/** Says, on the start form, which task the inspection is made from and when it is due. */
export function TaskNote({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      title={t('myTasks.startFrom', {
        kind: kindLabel(t, task),
        period: periodLabel(t, task),
        from: task.dueFrom,
        by: task.dueBy,
      })}
    />
  );
}
