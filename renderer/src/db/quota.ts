// Recognising a full disk: IndexedDB refuses a write with QuotaExceededError (Dexie wraps it as
// Dexie.QuotaExceededError, sometimes as the `inner` error of an AbortError when the transaction
// is aborted by it). Every screen that writes says so plainly with the same message.
import type { TFunction } from 'i18next';

function looksLikeQuota(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // 22 is the legacy DOMException code of QUOTA_EXCEEDED_ERR; Firefox used its own name once.
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (name === 'DOMException' && code === 22) ||
    code === 22
  );
}

/** True when `error`, or an error it wraps (Dexie's `inner`, a standard `cause`), is a full disk. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (looksLikeQuota(error)) return true;
  if (depth > 4 || typeof error !== 'object' || error === null) return false;
  const { inner, cause } = error as { inner?: unknown; cause?: unknown };
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/**
 * The sentence to show for a failed local write: the quota message when the disk is full (what
 * was saved before is still there: IndexedDB transactions are all-or-nothing), otherwise the
 * caller's own message for the operation.
 */
export function localWriteErrorText(t: TFunction, error: unknown, fallbackKey: string): string {
  return isQuotaError(error) ? t('storage.quotaExceeded') : t(fallbackKey);
}
