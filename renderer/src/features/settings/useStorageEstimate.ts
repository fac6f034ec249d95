// What the browser says about local storage: how much is used, and whether it is persistent.
import { useCallback, useEffect, useState } from 'react';

export interface StorageState {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export function useStorageEstimate(): StorageState & {
  requestPersist(): Promise<boolean>;
  refresh(): Promise<void>;
} {
  const [state, setState] = useState<StorageState>({ usage: null, quota: null, persisted: null });

  const refresh = useCallback(async () => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage) return;
    const [estimate, persisted] = await Promise.all([
      storage.estimate?.().catch(() => null) ?? null,
      storage.persisted?.().catch(() => null) ?? null,
    ]);
    setState({
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
      persisted,
    });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const requestPersist = useCallback(async () => {
    const granted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
    await refresh();
    return granted;
  }, [refresh]);

  return { ...state, requestPersist, refresh };
}
