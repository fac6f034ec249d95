// A stored sync error as a sentence for people.
import type { TFunction } from 'i18next';
import type { StoredSyncError } from '../../db/repositories/meta';

export function syncErrorText(error: StoredSyncError, t: TFunction): string {
  return t(`syncError.${error.kind}`, { message: error.message });
}
