import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Flex, Form, Input, Popconfirm, Radio, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEADLINE_DAYS, defaultDeadline } from '../../../../domain/rules/deadlines';
import type { FindingAmendmentProblem } from '../../../../domain/rules/finding-amendment';
import { findingCategories } from '../../../../domain/schemas/finding';
import type { Grade } from '../../../../domain/schemas/finding';
import { useProfile } from '../../session/session-context';
import { localWriteErrorText } from '../../db/quota';
import { SaveStatus } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/useAutosave';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { amendmentProblemText } from '../submission/amendment-text';
import { AmendReasonField } from './AmendReasonField';
import { FieldRow } from './FieldRow';
import { findingFormSchema, textFields } from './finding-form-schema';
import type { FindingFormOutput, FindingFormValues } from './finding-form-schema';
import { isReasonProblem } from './finding-amend-mode';
import type { FindingAmendMode } from './finding-amend-mode';
import { persistFinding } from './persist-finding';
import type { FindingContext } from './persist-finding';
import { PhotosField } from './PhotosField';

export interface FindingFormProps {
  context: FindingContext;
  initial: FindingFormValues;
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

const isText = (name: string | undefined) =>
  name !== undefined && (textFields as readonly string[]).includes(name);

/**
 * The hazard form. Every change is saved as it happens (text after a pause in typing): a valid
 * form as the finding record with its outbox row, an incomplete one as a local draft.
 */
export function FindingForm(props: FindingFormProps) {
  const {
    context,
    initial,
    today,
    store,
    disabled = false,
    processPhoto,
    onDone,
    onRemove,
    amend,
  } = props;
  const { t } = useTranslation();
  const { db } = useProfile();
  const [incomplete, setIncomplete] = useState(false);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<FindingAmendmentProblem[]>([]);
  const [writeError, setWriteError] = useState<string | null>(null);
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
  const { schedule, flush, state } = useAutosave<FindingFormValues>(async (values) => {
    // An amendment is saved whole with its reason, never field by field.
    if (!amending) await persistFinding(db, context, values, today);
  });

  useEffect(() => {
    if (amending) return;
    const subscription = watch((_, { name }) => {
      if (isText(name)) schedule(getValues());
      else void flush(getValues());
    });
    return () => subscription.unsubscribe();
  }, [watch, getValues, schedule, flush, amending]);

  const changeGrade = (grade: Grade, previous: Grade) => {
    // A deadline still at the old grade's default follows the grade; a chosen one stays.
    if (getValues('deadline') === defaultDeadline(previous, today)) {
      setValue('deadline', defaultDeadline(grade, today), { shouldValidate: true });
    }
  };

  const saveAmendment = async (mode: FindingAmendMode, values: FindingFormOutput | null) => {
    setWriteError(null);
    if (values === null || reason.trim() === '') {
      setProblems(reason.trim() === '' ? [{ code: 'amendment.reasonRequired' }] : []);
      return;
    }
    try {
      const refused = await mode.save(values, reason);
      if (refused === null) onDone();
      else setProblems(refused);
    } catch (error) {
      setWriteError(localWriteErrorText(t, error, 'storage.writeFailed'));
    }
  };

  const done = handleSubmit(
    async (values) => {
      setIncomplete(false);
      if (amend) return saveAmendment(amend, values);
      await flush(getValues());
      onDone();
    },
    async () => {
      setIncomplete(true);
      if (amend) return saveAmendment(amend, null);
      await flush(getValues());
    },
  );

  const text = (name: (typeof textFields)[number], label: string, rows = 0) => (
    <FieldRow
      id={`hazard-${name}`}
      label={label}
      error={errors[name]?.message}
      blank={getValues(name).trim() === ''}
    >
      {(aria) => (
        <Controller
          name={name}
          control={control}
          render={({ field }) => {
            const common = {
              ...aria,
              name: field.name,
              ref: field.ref,
              value: field.value,
              disabled,
              onChange: (event: { target: { value: string } }) =>
                field.onChange(event.target.value),
              onBlur: () => {
                field.onBlur();
                void flush();
              },
            };
            return rows > 0 ? (
              <Input.TextArea {...common} autoSize={{ minRows: rows, maxRows: 10 }} />
            ) : (
              <Input {...common} />
            );
          }}
        />
      )}
    </FieldRow>
  );

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <form onSubmit={(event) => void done(event)} noValidate aria-label={t('findingForm.title')}>
        {amending ? (
          <AmendReasonField
            value={reason}
            error={
              problems
                .filter(isReasonProblem)
                .map((p) => amendmentProblemText(t, p))
                .join(' ') || null
            }
            onChange={(next) => {
              setReason(next);
              setProblems((list) => list.filter((p) => !isReasonProblem(p)));
            }}
          />
        ) : null}
        {text('title', t('findingForm.name'))}
        {text('description', t('findingForm.description'), 2)}
        <FieldRow
          id="hazard-category"
          label={t('findingForm.category')}
          error={errors.category?.message}
          blank={getValues('category') === null}
          kind="choice"
        >
          {(aria) => (
            <Controller
              name="category"
              control={control}
              render={({ field }) => (
                <Select
                  {...aria}
                  aria-label={t('findingForm.category')}
                  disabled={disabled}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  options={findingCategories.map((c) => ({
                    value: c,
                    label: t(`findingForm.categories.${c}`),
                  }))}
                />
              )}
            />
          )}
        </FieldRow>
        <FieldRow id="hazard-grade" label={t('findingForm.grade')} error={errors.grade?.message}>
          {() => (
            <Controller
              name="grade"
              control={control}
              render={({ field }) => (
                <Radio.Group
                  aria-label={t('findingForm.grade')}
                  disabled={disabled}
                  value={field.value}
                  onChange={(event) => {
                    const grade = event.target.value as Grade;
                    changeGrade(grade, field.value);
                    field.onChange(grade);
                  }}
                  options={(['general', 'major'] as const).map((g) => ({
                    value: g,
                    label: t(`grade.${g}`),
                  }))}
                />
              )}
            />
          )}
        </FieldRow>
        {text('legalBasis', t('findingForm.legalBasis'), 2)}
        {text('requirement', t('findingForm.requirement'), 2)}
        <FieldRow
          id="hazard-deadline"
          label={t('findingForm.deadline')}
          error={errors.deadline?.message}
          blank={getValues('deadline') === ''}
          extra={
            amend?.deadlineFixed
              ? t('findingForm.deadlineFixed')
              : t('findingForm.deadlineHint', DEFAULT_DEADLINE_DAYS)
          }
        >
          {(aria) => (
            <Controller
              name="deadline"
              control={control}
              render={({ field }) => (
                <Input
                  {...aria}
                  type="date"
                  min={today}
                  disabled={disabled || amend?.deadlineFixed === true}
                  name={field.name}
                  ref={field.ref}
                  value={field.value}
                  onChange={(event) => field.onChange(event.target.value)}
                  onBlur={field.onBlur}
                  style={{ maxWidth: 220 }}
                />
              )}
            />
          )}
        </FieldRow>
        {text('responsiblePerson', t('findingForm.responsiblePerson'))}
        <FieldRow id="hazard-photos" label={t('findingForm.photos')} error={errors.photos?.message}>
          {() => (
            <Controller
              name="photos"
              control={control}
              render={({ field }) => (
                <div role="group" aria-label={t('findingForm.photos')}>
                  <PhotosField
                    photos={field.value}
                    store={store}
                    disabled={disabled}
                    process={processPhoto}
                    onAdd={(photo) =>
                      setValue('photos', [...getValues('photos'), photo], { shouldDirty: true })
                    }
                    onRemove={(index) =>
                      setValue(
                        'photos',
                        getValues('photos').filter((_, i) => i !== index),
                        { shouldDirty: true },
                      )
                    }
                  />
                </div>
              )}
            />
          )}
        </FieldRow>
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
          ...problems.filter((p) => !isReasonProblem(p)).map((p) => amendmentProblemText(t, p)),
          ...(writeError === null ? [] : [writeError]),
        ].map((message) => (
          <Alert key={message} type="error" showIcon title={message} style={{ marginBottom: 12 }} />
        ))}
        {amend ? (
          <Flex gap={8} align="center" wrap>
            <Button type="primary" htmlType="submit" disabled={disabled}>
              {t('amendments.save')}
            </Button>
            <Button onClick={amend.onCancel}>{t('signatures.cancel')}</Button>
          </Flex>
        ) : (
          <Flex gap={8} align="center" wrap>
            <Button type="primary" htmlType="submit" disabled={disabled}>
              {t('findingForm.done')}
            </Button>
            <Popconfirm
              title={t('findingForm.removeConfirm')}
              okText={t('photos.removeOk')}
              cancelText={t('photos.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={async () => {
                // Whatever is still waiting is saved first, so nothing brings the draft back later.
                await flush();
                onRemove();
              }}
            >
              <Button danger disabled={disabled}>
                {t('findingForm.remove')}
              </Button>
            </Popconfirm>
            <SaveStatus state={state} />
          </Flex>
        )}
      </form>
    </Form>
  );
}
