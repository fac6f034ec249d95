// The dialog of an administration form that creates or edits one record: the dialog's title,
// save and refusal (AdminFormModal) around a vertical form that saves on Enter too.
import type { FormInstance } from 'antd';
import { Form } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { AdminFormModal } from './AdminFormModal';

interface Props<F> {
  title: string;
  width?: number;
  form: FormInstance<F>;
  /** The dialog's state as useRecordForm hands it over. */
  modal: { saving: boolean; failure: string | null; onCancel: () => void };
  initialValues: Partial<F>;
  onSave: () => void;
  style?: CSSProperties;
  children: ReactNode;
}

export function RecordFormModal<F extends object>(props: Props<F>) {
  return (
    <AdminFormModal title={props.title} width={props.width} {...props.modal} onSave={props.onSave}>
      <Form<F>
        form={props.form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={props.onSave}
        style={props.style}
      >
        {props.children}
      </Form>
    </AdminFormModal>
  );
}
