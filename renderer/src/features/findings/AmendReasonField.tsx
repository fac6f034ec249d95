import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_REASON_CHARS } from '../../../../domain/rules/amendment';

interface Props {
  value: string;
  /** The sentence saying what is wrong with the reason, if anything. */
  error: string | null;
  onChange: (reason: string) => void;
}

/** The required reason of a hazard amendment, with its message inline. */
export function AmendReasonField({ value, error, onChange }: Props) {
  const { t } = useTranslation();
  const invalid = error !== null;
  return (
    <Form.Item
      label={t('amendments.reason')}
      htmlFor="hazard-amend-reason"
      validateStatus={invalid ? 'error' : undefined}
      help={invalid ? <span id="hazard-amend-reason-error">{error}</span> : undefined}
    >
      <Input.TextArea
        id="hazard-amend-reason"
        aria-invalid={invalid}
        aria-describedby={invalid ? 'hazard-amend-reason-error' : undefined}
        value={value}
        rows={2}
        maxLength={MAX_REASON_CHARS}
        onChange={(event) => onChange(event.target.value)}
      />
    </Form.Item>
  );
}
