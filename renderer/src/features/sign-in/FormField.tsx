import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateValidation } from '../../i18n/i18n';
import type { ErrorAria } from '../common/FieldWithError';
import { FieldWithError } from '../common/FieldWithError';

interface Props {
  id: string;
  label: string;
  /** The validation message key from the schema, if the field is invalid. */
  error: string | undefined;
  children: (aria: ErrorAria) => ReactNode;
}

/** An antd form row whose error comes from react-hook-form and a domain schema's message key. */
export function FormField({ id, label, error, children }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <FieldWithError
      id={id}
      label={label}
      error={error === undefined ? undefined : translateValidation(t, i18n, error)}
    >
      {children}
    </FieldWithError>
  );
}
