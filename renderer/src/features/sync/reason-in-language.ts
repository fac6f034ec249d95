// The server's reason for refusing a change, in the user's language: the refusal's code when the
// app knows it, else the server's own English sentence. The entity and the field names it names
// are said in the user's language too; validation details stay as the server wrote them.
import type { i18n as I18n } from 'i18next';
import type { RejectedRow } from '../../db/database';

export function reasonInLanguage(i18n: I18n, row: Pick<RejectedRow, 'reason' | 'refusal'>): string {
  const code = row.refusal?.code;
  const key = `syncReasons.${code ?? ''}`;
  if (!code || !i18n.exists(key)) return row.reason;
  const params = row.refusal?.params ?? {};
  const entityName = labelOf(i18n, 'syncDetail.entity', params.entity);
  const fields =
    params.fields === undefined
      ? undefined
      : params.fields
          .split(',')
          .map((field) => labelOf(i18n, 'conflicts.fields', field.trim()))
          .join(i18n.t('syncDetail.fieldSeparator'));
  return i18n.t(key, { ...params, entityName, ...(fields === undefined ? {} : { fields }) });
}

/** The label under `group` for `name`, or the name itself when the app has none. */
function labelOf(i18n: I18n, group: string, name: string | undefined): string {
  if (!name) return '';
  const key = `${group}.${name}`;
  return i18n.exists(key) ? i18n.t(key) : name;
}
