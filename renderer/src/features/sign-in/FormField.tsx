import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateValidation } from '../../i18n/i18n';

/** What the field's input must carry so that assistive technology reads its error. */
export interface FieldAria {
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  /** The validation message key from the schema, if the field is invalid. */
  error: string | undefined;
  children: (aria: FieldAria) => ReactNode;
}

/** An antd form row whose error comes from react-hook-form and a domain schema's message key. */
export function FormField({ id, label, error, children }: Props) {
  const { t, i18n } = useTranslation();
  const errorId = `${id}-error`;
  const invalid = error !== undefined;
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      validateStatus={invalid ? 'error' : undefined}
      help={invalid ? <span id={errorId}>{translateValidation(t, i18n, error)}</span> : undefined}
    >
      {children({ 'aria-invalid': invalid, 'aria-describedby': invalid ? errorId : undefined })}
    </Form.Item>
  );
}
