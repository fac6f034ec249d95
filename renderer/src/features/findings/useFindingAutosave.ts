// The hazard form's autosave wiring: every change is saved as it happens (text after a pause in
// typing, a choice at once), a valid form as the finding with its outbox row, an incomplete one
// as a local draft. In amendment mode nothing is saved field by field.
import { useEffect } from 'react';
import type { UseFormGetValues, UseFormWatch } from 'react-hook-form';
import { useProfile } from '../../session/session-context';
import { useAutosave } from '../autosave/useAutosave';
import type { Autosave } from '../autosave/useAutosave';
import { textFields } from './finding-form-schema';
import type { FindingFormValues } from './finding-form-schema';
import { persistFinding } from './persist-finding';
import type { FindingContext } from './persist-finding';

const isText = (name: string | undefined) =>
  name !== undefined && (textFields as readonly string[]).includes(name);

export interface FindingAutosaveOptions {
  context: FindingContext;
  today: string;
  amending: boolean;
  watch: UseFormWatch<FindingFormValues>;
  getValues: UseFormGetValues<FindingFormValues>;
}

export function useFindingAutosave({
  context,
  today,
  amending,
  watch,
  getValues,
}: FindingAutosaveOptions): Autosave<FindingFormValues> {
  const { db } = useProfile();
  const autosave = useAutosave<FindingFormValues>(async (values) => {
    // An amendment is saved whole with its reason, never field by field.
    if (!amending) await persistFinding(db, context, values, today);
  });
  const { schedule, flush } = autosave;

  useEffect(() => {
    if (amending) return;
    const subscription = watch((_, { name }) => {
      if (isText(name)) schedule(getValues());
      else void flush(getValues());
    });
    return () => subscription.unsubscribe();
  }, [watch, getValues, schedule, flush, amending]);

  return autosave;
}
