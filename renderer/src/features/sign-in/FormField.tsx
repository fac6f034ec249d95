import type { ReactElement } from 'react';
import { Controller } from 'react-hook-form';
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { translateValidation } from '../../i18n/i18n';
import type { ErrorAria } from '../common/FieldWithError';
import { FieldWithError } from '../common/FieldWithError';

/** What the input is handed: react-hook-form's field, its id, and what ties its error to it. */
export type FormFieldInput<T extends FieldValues, N extends FieldPath<T>> = ControllerRenderProps<
  T,
  N
> &
  ErrorAria & { id: string };

interface Props<T extends FieldValues, N extends FieldPath<T>, O> {
  control: Control<T, unknown, O>;
  name: N;
  id: string;
  label: string;
  /** The validation message key from the schema, if the field is invalid. */
  error: string | undefined;
  children: (input: FormFieldInput<T, N>) => ReactElement;
}

/**
 * An antd form row around a react-hook-form field: its error is a domain schema's message key,
 * read out in the chosen language and tied to the input.
 */
export function FormField<T extends FieldValues, N extends FieldPath<T>, O = T>(
  props: Props<T, N, O>,
) {
  const { t, i18n } = useTranslation();
  const { control, name, id, label, error, children } = props;
  return (
    <FieldWithError
      id={id}
      label={label}
      error={error === undefined ? undefined : translateValidation(t, i18n, error)}
    >
      {(aria) => (
        <Controller
          name={name}
          control={control}
          render={({ field }) => children({ ...field, ...aria, id })}
        />
      )}
    </FieldWithError>
  );
}
