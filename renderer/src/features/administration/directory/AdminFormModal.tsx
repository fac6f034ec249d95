// The dialog of an administration form: its title, save (busy while the server answers) and
// cancel, the form itself, and under it the server's refusal when there is one.
import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  /** The save button's words; "Save" if absent. */
  okText?: string;
  width?: number;
  saving: boolean;
  failure: string | null;
  onSave: () => void;
  onCancel: () => void;
  children: ReactNode;
}

export function AdminFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText ?? t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={props.saving}
      onOk={props.onSave}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {props.children}
      {props.failure ? <Alert type="error" showIcon role="alert" title={props.failure} /> : null}
    </Modal>
  );
}
