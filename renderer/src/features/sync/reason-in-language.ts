// The server's reason for refusing a change, in the user's language: the refusal's code when the
// app knows it, else the server's own English sentence.
import type { i18n as I18n } from 'i18next';
import type { RejectedRow } from '../../db/database';

export function reasonInLanguage(i18n: I18n, row: Pick<RejectedRow, 'reason' | 'refusal'>): string {
  const code = row.refusal?.code;
  const key = `syncReasons.${code ?? ''}`;
  if (!code || !i18n.exists(key)) return row.reason;
  const params = row.refusal?.params ?? {};
  const entityKey = `syncDetail.entity.${params.entity ?? ''}`;
  const entityName =
    params.entity && i18n.exists(entityKey) ? i18n.t(entityKey) : (params.entity ?? '');
  return i18n.t(key, { ...params, entityName });
}
