import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from './field-error';
import type { FieldKind } from './field-error';

/** What the field's input must carry so that assistive technology reads its error. */
export interface FieldAria {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

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
  const errorId = `${id}-error`;
  const invalid = error !== undefined;
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      extra={extra}
      validateStatus={invalid ? 'error' : undefined}
      help={
        invalid ? (
          <span id={errorId}>{fieldErrorText(t, i18n, label, error, blank, kind)}</span>
        ) : undefined
      }
    >
      {children({ id, 'aria-invalid': invalid, 'aria-describedby': invalid ? errorId : undefined })}
    </Form.Item>
  );
}
