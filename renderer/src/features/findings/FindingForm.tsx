import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Form } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { amendmentProblemText } from '../submission/amendment-text';
import { AmendReasonField } from './AmendReasonField';
import { AmendmentActions, RecordingActions } from './FindingFormActions';
import {
  CategoryField,
  DeadlineField,
  GradeField,
  PhotoField,
  TextField,
} from './FindingFormFields';
import { findingFormSchema } from './finding-form-schema';
import type { FindingFormOutput, FindingFormValues, textFields } from './finding-form-schema';
import { isReasonProblem } from './finding-amend-mode';
import type { FindingAmendMode } from './finding-amend-mode';
import { gradeChangeHandler } from './grade-deadline';
import type { FindingContext } from './persist-finding';
import { useAmendmentSave } from './useAmendmentSave';
import { useFindingAutosave } from './useFindingAutosave';

type TextFieldName = (typeof textFields)[number];

export interface FindingFormProps {
  context: FindingContext;
  initial: FindingFormValues;
  /**
   * The requirement of the checklist item the hazard was found on (its text), shown beside the
   * title: the title states the defect, and the inspector writes it when the item has no wording.
   */
  itemRequirement?: string | null;
  /** Today in the district's calendar: the earliest deadline allowed and the default's base. */
  today: string;
  store: PhotoBlobStore;
  disabled?: boolean;
  /** The photo pipeline, when not the default one (tests). */
  processPhoto?: PhotoPickerProps['process'];
  /** Called once the form is valid and saved. */
  onDone: () => void;
  onRemove: () => void;
  /** On a submitted inspection: no autosave, the values are saved only as an amendment. */
  amend?: FindingAmendMode;
}

/**
 * The hazard form. Every change is saved as it happens (useFindingAutosave.ts); on a submitted
 * inspection the form is an amendment, saved whole with its reason (useAmendmentSave.ts).
 */
export function FindingForm(props: FindingFormProps) {
  const {
    context,
    initial,
    itemRequirement = null,
    today,
    store,
    disabled = false,
    processPhoto,
    onDone,
    onRemove,
    amend,
  } = props;
  const { t } = useTranslation();
  const [incomplete, setIncomplete] = useState(false);
  const amending = amend !== undefined;
  const resolver = useMemo(
    // The form holds an empty category as null, which the schema refuses as it should.
    () =>
      zodResolver(findingFormSchema(today, context.storedDeadline)) as unknown as Resolver<
        FindingFormValues,
        unknown,
        FindingFormOutput
      >,
    [today, context.storedDeadline],
  );
  const { control, handleSubmit, formState, watch, getValues, setValue } = useForm<
    FindingFormValues,
    unknown,
    FindingFormOutput
  >({ resolver, defaultValues: initial, mode: 'onTouched' });
  const { errors } = formState;
  const { flush, state } = useFindingAutosave({ context, today, amending, watch, getValues });
  const amendment = useAmendmentSave(onDone);

  const done = handleSubmit(
    async (values) => {
      setIncomplete(false);
      if (amend) return amendment.save(amend, values);
      await flush(getValues());
      onDone();
    },
    async () => {
      setIncomplete(true);
      if (amend) return amendment.save(amend, null);
      await flush(getValues());
    },
  );

  const field = { control, disabled };
  const text = (name: TextFieldName, label: string, rows = 0, extra?: string) => (
    <TextField
      {...field}
      name={name}
      label={label}
      rows={rows}
      extra={extra}
      error={errors[name]?.message}
      blank={getValues(name).trim() === ''}
      onBlurSave={() => void flush()}
    />
  );

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <form onSubmit={(event) => void done(event)} noValidate aria-label={t('findingForm.title')}>
        {amending ? (
          <AmendReasonField
            value={amendment.reason}
            error={
              amendment.problems
                .filter(isReasonProblem)
                .map((p) => amendmentProblemText(t, p))
                .join(' ') || null
            }
            onChange={amendment.changeReason}
          />
        ) : null}
        {text(
          'title',
          t('findingForm.name'),
          0,
          itemRequirement === null
            ? undefined
            : t('findingForm.itemRequirement', { text: itemRequirement }),
        )}
        {text('description', t('findingForm.description'), 2)}
        <CategoryField
          {...field}
          error={errors.category?.message}
          blank={getValues('category') === null}
        />
        <GradeField
          {...field}
          error={errors.grade?.message}
          onGradeChange={gradeChangeHandler(today, getValues, setValue)}
        />
        {text('legalBasis', t('findingForm.legalBasis'), 2)}
        {text('requirement', t('findingForm.requirement'), 2)}
        <DeadlineField
          {...field}
          error={errors.deadline?.message}
          blank={getValues('deadline') === ''}
          today={today}
          fixed={amend?.deadlineFixed === true}
        />
        {text('responsiblePerson', t('findingForm.responsiblePerson'))}
        <PhotoField
          {...field}
          error={errors.photos?.message}
          store={store}
          processPhoto={processPhoto}
          getValues={getValues}
          setValue={setValue}
        />
        {incomplete ? (
          <Alert
            type="info"
            showIcon
            role="status"
            title={t(amending ? 'amendments.findingIncomplete' : 'findingForm.incomplete')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {[
          ...amendment.problems
            .filter((p) => !isReasonProblem(p))
            .map((p) => amendmentProblemText(t, p)),
          ...(amendment.writeError === null ? [] : [amendment.writeError]),
        ].map((message) => (
          <Alert key={message} type="error" showIcon title={message} style={{ marginBottom: 12 }} />
        ))}
        {amend ? (
          <AmendmentActions disabled={disabled} onCancel={amend.onCancel} />
        ) : (
          <RecordingActions
            disabled={disabled}
            state={state}
            onRemove={async () => {
              // Whatever is still waiting is saved first, so nothing brings the draft back later.
              await flush();
              onRemove();
            }}
          />
        )}
      </form>
    </Form>
  );
}
