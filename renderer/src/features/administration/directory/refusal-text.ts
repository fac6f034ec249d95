// A refused administrative write as a sentence in the user's language: the server's refusal codes
// (duplicates, own account, wiped device) have their own; a 400 names the fields it concerns.
import type { TFunction } from 'i18next';
import { ApiError } from '../../../sync/errors';
import { isOffline } from '../../../sync/errors';

const codes = [
  'username_taken',
  'agency_name_taken',
  'town_code_taken',
  'own_account',
  'device_wiped',
  'not_found',
  'admin_only',
] as const;

export function refusalText(error: unknown, t: TFunction): string {
  if (isOffline(error)) return t('admin.offlineWrite');
  if (error instanceof ApiError) {
    const code = codes.find((c) => c === error.code);
    if (code) return t(`admin.refusals.${code}`);
    if (error.status === 400 && error.issues.length > 0) {
      const fields = error.issues.map((i) => `${fieldName(i.path, t)} (${i.message})`);
      return t('admin.refusals.invalid', { fields: fields.join(t('admin.listSeparator')) });
    }
    return t('admin.refusals.other', { message: error.message });
  }
  return t('admin.refusals.other', { message: error instanceof Error ? error.message : '' });
}

const known = new Set([
  'name',
  'shortName',
  'kind',
  'code',
  'nameEn',
  'username',
  'displayName',
  'role',
  'agencyId',
  'jurisdiction',
  'certificateNo',
  'certificateExpiresOn',
  'password',
]);

/** A field's label in the user's language, for a path the server names (`jurisdiction.2`…). */
export function fieldName(path: string, t: TFunction): string {
  const head = path.split('.')[0] ?? path;
  return known.has(head) ? t(`admin.fields.${head}`) : path;
}
