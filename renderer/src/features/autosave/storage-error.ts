// Recognising "the device's storage is full", however it arrives: IndexedDB's DOMException,
// Dexie's QuotaExceededError, or either wrapped as the inner error of an aborted transaction.

export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== 'object') return false;
    const { name } = e as { name?: unknown };
    if (name === 'QuotaExceededError') return true;
    // Dexie keeps the underlying error as `inner`.
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}
