// The hazard form's fields, each a labelled row bound to the form: free text, category, grade,
// deadline and photos. The form (FindingForm.tsx) lays them out and owns saving.
import { Input, Radio, Select } from 'antd';
import { Controller } from 'react-hook-form';
import type { Control, UseFormGetValues, UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEADLINE_DAYS } from '../../../../domain/rules/deadlines';
import { findingCategories } from '../../../../domain/schemas/finding';
import type { Grade } from '../../../../domain/schemas/finding';
import type { PhotoBlobStore } from '../../shared/photo-blob-store';
import type { PhotoPickerProps } from '../photos/PhotoPicker';
import { FieldRow } from './FieldRow';
import type { textFields, FindingFormOutput, FindingFormValues } from './finding-form-schema';
import { PhotosField } from './PhotosField';

type FormControl = Control<FindingFormValues, unknown, FindingFormOutput>;

interface FieldProps {
  control: FormControl;
  error: string | undefined;
  disabled: boolean;
}

export function TextField({
  control,
  error,
  disabled,
  name,
  label,
  rows = 0,
  blank,
  extra,
  onBlurSave,
}: FieldProps & {
  name: (typeof textFields)[number];
  label: string;
  rows?: number;
  /** A line under the field (the item's requirement beside a hazard's title). */
  extra?: string | undefined;
  blank: boolean;
  onBlurSave: () => void;
}) {
  return (
    <FieldRow id={`hazard-${name}`} label={label} error={error} blank={blank} extra={extra}>
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
                onBlurSave();
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
}

export function CategoryField({
  control,
  error,
  disabled,
  blank,
}: FieldProps & { blank: boolean }) {
  const { t } = useTranslation();
  return (
    <FieldRow
      id="hazard-category"
      label={t('findingForm.category')}
      error={error}
      blank={blank}
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
  );
}

export function GradeField({
  control,
  error,
  disabled,
  onGradeChange,
}: FieldProps & { onGradeChange: (grade: Grade, previous: Grade) => void }) {
  const { t } = useTranslation();
  return (
    <FieldRow id="hazard-grade" label={t('findingForm.grade')} error={error}>
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
                onGradeChange(grade, field.value);
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
  );
}

export function DeadlineField({
  control,
  error,
  disabled,
  blank,
  today,
  fixed,
}: FieldProps & { blank: boolean; today: string; fixed: boolean }) {
  const { t } = useTranslation();
  return (
    <FieldRow
      id="hazard-deadline"
      label={t('findingForm.deadline')}
      error={error}
      blank={blank}
      extra={
        fixed
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
              disabled={disabled || fixed}
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
  );
}

export function PhotoField({
  control,
  error,
  disabled,
  store,
  processPhoto,
  getValues,
  setValue,
}: FieldProps & {
  store: PhotoBlobStore;
  processPhoto: PhotoPickerProps['process'] | undefined;
  getValues: UseFormGetValues<FindingFormValues>;
  setValue: UseFormSetValue<FindingFormValues>;
}) {
  const { t } = useTranslation();
  return (
    <FieldRow id="hazard-photos" label={t('findingForm.photos')} error={error}>
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
  );
}
