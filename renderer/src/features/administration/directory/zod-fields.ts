// Puts a domain schema's verdict on an antd form: each issue on its field, translated as the
// other forms translate the schemas' message keys.
import type { FormInstance } from 'antd';
import type { i18n as I18n, TFunction } from 'i18next';
import type { z } from 'zod';
import { translateValidation } from '../../../i18n/i18n';
import { ApiError } from '../../../sync/errors';
import { refusalText } from './refusal-text';

/** The parsed values, or null after marking every invalid field of `form`. */
export function parseIntoForm<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  t: TFunction,
  i18n: I18n,
): z.output<S> | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const byField = new Map<string, string[]>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? '');
    byField.set(name, [...(byField.get(name) ?? []), translateValidation(t, i18n, issue.message)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return null;
}

/** Marks the fields a server refusal names (409 duplicate, 400 details) on `form`. */
export function markRefusedFields(form: FormInstance, error: unknown, t: TFunction): void {
  if (!(error instanceof ApiError)) return;
  const names = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const fields = error.issues
    .map((i) => ({ name: i.path.split('.')[0] ?? '', message: i.message }))
    .filter((f) => names.has(f.name))
    .map((f) => ({
      name: f.name,
      // A duplicate is said in the user's words; other details as the server names them.
      errors: [
        error.status === 409
          ? refusalText(error, t)
          : t('admin.refusals.field', { reason: f.message }),
      ],
    }));
  form.setFields(fields);
}
