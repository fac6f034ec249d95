// Why the server refused a conflict choice, as an i18n key and its values: the known refusals in
// the app's own words, anything else in the server's.
import { REFUSAL_TEXTS } from '../../../../domain/sync/refusals';
import type { ConflictChoiceRow } from '../../db/database';

export interface ReasonText {
  key: string;
  values?: Record<string, string>;
}

export function refusalReason(error: NonNullable<ConflictChoiceRow['error']>): ReasonText {
  if (error.code === 'already_resolved') return { key: 'conflicts.reason.alreadyResolved' };
  if (error.code === 'changed_since') return { key: 'conflicts.reason.changedSince' };
  if (error.code === 'cannot_restore') return { key: 'conflicts.reason.cannotRestore' };
  // Restoring a value passes the rules a push does, and is refused with the same codes; those
  // whose text names no particulars are said in the app's words, the others in the server's.
  const template = (REFUSAL_TEXTS as Record<string, string>)[error.code];
  if (template !== undefined && !template.includes('{{'))
    return { key: `syncReasons.${error.code}` };
  if (error.status === 403) return { key: 'conflicts.reason.forbidden' };
  if (error.status === 404) return { key: 'conflicts.reason.notFound' };
  return { key: 'conflicts.reason.other', values: { message: error.message } };
}
