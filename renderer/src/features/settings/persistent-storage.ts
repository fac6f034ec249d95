// Asking the browser to keep local data (navigator.storage.persist): without it a browser may
// evict IndexedDB under storage pressure, and an offline inspector's unsynced work with it.
import { useEffect } from 'react';

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'>;

/**
 * Asks once for persistent storage unless it is already granted; answers whether it is on. Never
 * throws: where the API is missing (or the desktop app, where it is always on) the answer is null.
 */
export async function requestPersistentStorage(
  storage: StorageLike | undefined = globalThis.navigator?.storage,
): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (await storage.persisted?.()) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Asks for persistent storage when a signed-in session opens. */
export function useRequestPersistentStorage(): void {
  useEffect(() => {
    void requestPersistentStorage();
  }, []);
}
