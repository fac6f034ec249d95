// The saving state of an administration form: the request under way, and a refusal marked at the
// fields the server names and said in one line under the form.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText } from './refusal-text';
import { markRefusedFields } from './zod-fields';

export interface FormSave {
  saving: boolean;
  failure: string | null;
  clearFailure: () => void;
  /** Sends the request; answers whether the server took it (a refusal is marked and shown). */
  send: (request: () => Promise<void>) => Promise<boolean>;
}

export function useFormSave(form: FormInstance): FormSave {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function send(request: () => Promise<void>): Promise<boolean> {
    setSaving(true);
    try {
      await request();
      return true;
    } catch (error) {
      markRefusedFields(form, error, t);
      setFailure(refusalText(error, t));
      return false;
    } finally {
      setSaving(false);
    }
  }
  return { saving, failure, clearFailure: () => setFailure(null), send };
}
