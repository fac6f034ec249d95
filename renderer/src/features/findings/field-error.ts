// A form field's error as a sentence that names the field: domain schemas give message keys
// ('required', 'deadline.past'); a blank field is said to be missing whatever zod reported.
import type { i18n as I18n, TFunction } from 'i18next';
import { translateValidation } from '../../i18n/i18n';

export type FieldKind = 'text' | 'choice';

export function fieldErrorText(
  t: TFunction,
  i18n: I18n,
  label: string,
  message: string | undefined,
  blank: boolean,
  kind: FieldKind = 'text',
): string {
  if (blank || message === 'required') {
    return t(kind === 'choice' ? 'errors.chooseField' : 'errors.requiredField', { field: label });
  }
  return translateValidation(t, i18n, message);
}
