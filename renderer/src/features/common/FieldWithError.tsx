// A labelled antd form row whose error, when there is one, is tied to its input for assistive
// technology (aria-invalid, aria-describedby). The words of the error are the caller's.
import { Form } from 'antd';
import type { ReactNode } from 'react';

/** What the field's input must carry so that assistive technology reads its error. */
export interface ErrorAria {
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

interface Props {
  id: string;
  label: string;
  /** The error in words, or undefined when the field is valid. */
  error: ReactNode | undefined;
  extra?: ReactNode;
  children: (aria: ErrorAria) => ReactNode;
}

export function FieldWithError({ id, label, error, extra, children }: Props) {
  const errorId = `${id}-error`;
  const invalid = error !== undefined;
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      extra={extra}
      validateStatus={invalid ? 'error' : undefined}
      help={invalid ? <span id={errorId}>{error}</span> : undefined}
    >
      {children({ 'aria-invalid': invalid, 'aria-describedby': invalid ? errorId : undefined })}
    </Form.Item>
  );
}
