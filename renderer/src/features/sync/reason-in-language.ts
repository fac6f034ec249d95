// The server's reason for refusing a change, in the user's language: the refusal's code when the
// app knows it, else the server's own English sentence. The entity and the field names it names
// are said in the user's language too, and so are the validation details of an invalid record
// when the server sent them as keys (domain/sync/refusal-issues.ts).
import type { i18n as I18n } from 'i18next';
import { decodeIssues } from '../../../../domain/sync/refusal-issues';
import type { RefusalIssue } from '../../../../domain/sync/refusal-issues';
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
  const issueList = decodeIssues(params.issueList);
  const issues =
    issueList === null
      ? undefined
      : issueList.map((issue) => issueText(i18n, issue)).join(i18n.t('syncDetail.issueSeparator'));
  return i18n.t(key, {
    ...params,
    entityName,
    ...(fields === undefined ? {} : { fields }),
    ...(issues === undefined ? {} : { issues }),
  });
}

/** One validation issue: the field by its label, and what is wrong with it. */
function issueText(i18n: I18n, { path, key, detail }: RefusalIssue): string {
  const named = path.split('.').filter((segment) => !/^\d+$/.test(segment));
  const last = named.at(-1);
  const field = last === undefined ? path : labelOf(i18n, 'conflicts.fields', last);
  const problem = i18n.exists(`errors.${key}`)
    ? i18n.t(`errors.${key}`)
    : i18n.t(
        `syncDetail.issueKinds.${i18n.exists(`syncDetail.issueKinds.${key}`) ? key : 'invalid'}`,
        {
          detail: detail ?? '',
        },
      );
  return field === '' ? problem : i18n.t('syncDetail.issue', { field, problem });
}

/** The label under `group` for `name`, or the name itself when the app has none. */
function labelOf(i18n: I18n, group: string, name: string | undefined): string {
  if (!name) return '';
  const key = `${group}.${name}`;
  return i18n.exists(key) ? i18n.t(key) : name;
}
