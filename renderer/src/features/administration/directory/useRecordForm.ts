// The save of an administration form that creates a record or edits one: the form's values
// parsed with the create or edit schema (problems marked at their fields), the request sent, and
// the dialog closed when the server took it. The dialog's props come with it.
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFormSave } from './useFormSave';
import { parseIntoForm } from './zod-fields';

interface Options<R, C extends z.ZodType, E extends z.ZodType> {
  form: FormInstance;
  /** The record edited (the edit schema and request), or null for a new one. */
  record: R | null;
  createSchema: C;
  editSchema: E;
  create: (body: z.output<C>) => Promise<unknown>;
  edit: (record: R, body: z.output<E>) => Promise<unknown>;
  onClose: (saved: boolean) => void;
}

export function useRecordForm<R, C extends z.ZodType, E extends z.ZodType>(o: Options<R, C, E>) {
  const { t, i18n } = useTranslation();
  const { saving, failure, clearFailure, send } = useFormSave(o.form);

  async function parsedSend<S extends z.ZodType>(
    schema: S,
    values: unknown,
    request: (body: z.output<S>) => Promise<unknown>,
  ): Promise<boolean> {
    const body = parseIntoForm(o.form, schema, values, t, i18n);
    if (body === null) return false;
    return send(async () => {
      await request(body);
    });
  }

  async function save(values: unknown) {
    clearFailure();
    const { record } = o;
    const saved =
      record === null
        ? await parsedSend(o.createSchema, values, (body) => o.create(body))
        : await parsedSend(o.editSchema, values, (body) => o.edit(record, body));
    if (saved) o.onClose(true);
  }

  return { save, modal: { saving, failure, onCancel: () => o.onClose(false) } };
}
