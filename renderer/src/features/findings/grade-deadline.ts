// The link between a hazard's grade and its deadline: a deadline still at the old grade's default
// follows the grade; a deadline the inspector chose stays.
import type { UseFormGetValues, UseFormSetValue } from 'react-hook-form';
import { defaultDeadline } from '../../../../domain/rules/deadlines';
import type { Grade } from '../../../../domain/schemas/finding';
import type { FindingFormValues } from './finding-form-schema';

/** What to do when the grade changes from `previous` to `grade`. */
export function gradeChangeHandler(
  today: string,
  getValues: UseFormGetValues<FindingFormValues>,
  setValue: UseFormSetValue<FindingFormValues>,
): (grade: Grade, previous: Grade) => void {
  return (grade, previous) => {
    if (getValues('deadline') === defaultDeadline(previous, today)) {
      setValue('deadline', defaultDeadline(grade, today), { shouldValidate: true });
    }
  };
}
