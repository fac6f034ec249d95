// What an online-only screen reads from the server: loading, the answer, offline
// (the server cannot be reached) or failed; `reload` reads again after a write.
import { useCallback, useEffect, useState } from 'react';
import { isOffline } from '../../sync/errors';

export type ServerLoad<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'offline' }
  | { status: 'failed'; message: string };

/** Reads `load()` whenever `key` changes or reload is called; a stale answer is dropped. */
export function useServerLoad<T>(
  load: () => Promise<T>,
  key: string,
): { state: ServerLoad<T>; reload: () => void } {
  const [state, setState] = useState<ServerLoad<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let current = true;
    // A reload keeps the table on screen; only a first read or a new search shows the skeleton.
    if (round === 0) setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!current) return;
        setState(
          isOffline(error)
            ? { status: 'offline' }
            : { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        );
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function at each render; `key` says when what it reads has changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  return { state, reload };
}
