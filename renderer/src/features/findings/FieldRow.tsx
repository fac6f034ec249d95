import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorAria } from '../common/FieldWithError';
import { FieldWithError } from '../common/FieldWithError';
import { fieldErrorText } from './field-error';
import type { FieldKind } from './field-error';

/** What the field's input must carry: its id, and what ties its error to it. */
export type FieldAria = ErrorAria & { id: string };

interface Props {
  id: string;
  label: string;
  /** The schema's message key, if the field is invalid. */
  error: string | undefined;
  /** True when the field is empty: the message then says it is missing. */
  blank?: boolean;
  kind?: FieldKind;
  extra?: ReactNode;
  children: (aria: FieldAria) => ReactNode;
}

/** A labelled form row whose inline error names what is wrong, in the chosen language. */
export function FieldRow({ id, label, error, blank = false, kind, extra, children }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <FieldWithError
      id={id}
      label={label}
      extra={extra}
      error={error === undefined ? undefined : fieldErrorText(t, i18n, label, error, blank, kind)}
    >
      {(aria) => children({ id, ...aria })}
    </FieldWithError>
  );
}
